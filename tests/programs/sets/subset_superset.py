a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a <= a, a < a, a == {2, 1}, a != b)
print(a.issubset(b), b.issuperset(a), a.issubset([1, 2, 5]), a.isdisjoint({3, 4}), a.isdisjoint(b))
print({1} < {2}, {1} > {2}, {1} <= {2}, set() <= a, set() < set())
print(frozenset([1, 2]) == {1, 2}, {1, 2} == frozenset([2, 1]), frozenset() < frozenset({0}))
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len))
try:
    a < [1, 2, 3]
except TypeError as e:
    print('TypeError:', e)
print(set() == frozenset(), {1, 2} == [1, 2])
