g = (x * x for x in range(5))
print(type(g).__name__)
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [4, 5]), min((x for x in [3, 1, 2]), default=0))
print(sorted((c for c in 'hello'), reverse=True), tuple(i for i in range(3)), ''.join(str(i) for i in range(5)))
log = []
def src(n):
    for i in range(n):
        log.append(f'yield {i}')
        yield i
lazy = (x * 10 for x in src(3))
print(log)
print(next(lazy), log)
print(list(lazy), log)
print(sum(x * y for x in range(3) for y in range(3) if x != y))
gen = (i for i in range(3))
print(3 in gen, list(gen))
gen2 = (i for i in range(5))
print(2 in gen2, list(gen2))
print(dict((k, len(k)) for k in ['aa', 'b']), set(x % 2 for x in range(5)))
try:
    next(x for x in [])
except StopIteration:
    print('StopIteration caught')
