a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
*front, last = 'hello'
print(front, last)
first, *rest = range(4)
print(first, rest, type(rest).__name__)
x, *y, z = 1, 2
print(x, y, z)
(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
[p, [q, *r]], s = [[0, [1, 2, 3]], 4]
print(p, q, r, s)
*everything, = (9, 8)
print(everything)
head, *_, tail = range(10)
print(head, tail, _)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError:', e)
print([*range(3), *'ab', *[None]])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{'x': 1}, y=2))
for a, *b in [(1, 2, 3), (4,), ('x', 'y')]:
    print(a, b)
