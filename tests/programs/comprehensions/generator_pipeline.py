lines = ['# header', 'alpha 3', '', 'beta 7', '# comment', 'gamma 11', 'delta x']
stripped = (l.strip() for l in lines)
non_empty = (l for l in stripped if l and not l.startswith('#'))
pairs = (l.split() for l in non_empty)
valid = ((name, int(v)) for name, v in pairs if v.isdigit())
result = list(valid)
print(result)
print(sum(v for _, v in result), max(result, key=lambda p: p[1]))
def numbers():
    n = 0
    while True:
        yield n
        n += 1
evens = (n for n in numbers() if n % 2 == 0)
squares = (n * n for n in evens)
first = []
for s in squares:
    if s > 200:
        break
    first.append(s)
print(first)
import itertools
print(list(itertools.islice((x * 3 for x in numbers()), 5)))
g = (c for c in 'abc')
print(list(zip(g, g)))
