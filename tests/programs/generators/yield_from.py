def inner():
    yield 1
    yield 2
    return "inner-done"

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
    return "outer-done"

print(list(outer()))
g = outer()
for v in g:
    print("got", v)

def chain(*iters):
    for it in iters:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))

def flatten(lst):
    for x in lst:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def tree(n):
    if n == 0:
        return 0
    count = 1
    count += yield from tree(n - 1)
    yield n
    count += yield from tree(n - 1)
    return count

g = tree(3)
vals = []
try:
    while True:
        vals.append(next(g))
except StopIteration as e:
    print(vals, "count", e.value)
