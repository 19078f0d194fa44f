a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference({1}, {2}))
print(a, b)
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 99}
print(c)
d = {1, 2}
d.update([3], (4, 5))
d.intersection_update({1, 2, 3, 4})
d.difference_update({4})
d.symmetric_difference_update({3, 7})
print(d)
try:
    a | [1]
except TypeError as e:
    print('TypeError:', e)
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}), type({3} | frozenset()).__name__, type(frozenset() | {3}).__name__)
