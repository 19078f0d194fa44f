t = 1, 2, 3
print(t, type(t).__name__, len(t))
a, b, c = t
print(a, b, c)
single = 5,
print(single, (5), (5,), type((5)).__name__, type((5,)).__name__)
empty = ()
print(empty, len(empty), tuple(), () == tuple())
def pair():
    return 'x', 'y'
p = pair()
print(p, type(p).__name__)
(x, y), z = pair(), 'z'
print(x, y, z)
first, *rest = (10, 20, 30)
print(first, rest, type(rest).__name__)
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a, b, c, d, e)
for i, (k, v) in enumerate((('a', 1), ('b', 2))):
    print(i, k, v)
print(tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple({'k': 1}), tuple(x for x in 'hi'))
swap = (1, 2)
swap = swap[1], swap[0]
print(swap)
