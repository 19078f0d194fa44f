fs1 = frozenset([1, 2, 3])
fs2 = frozenset([3, 2, 1])
d = {fs1: 'abc'}
print(d[fs2], fs1 == fs2, hash(fs1) == hash(fs2))
groups = {}
for combo in [(1, 2), (2, 1), (3,), (1, 2, 2)]:
    key = frozenset(combo)
    groups[key] = groups.get(key, 0) + 1
print(sorted((sorted(k), v) for k, v in groups.items()))
nested = {frozenset({1}), frozenset({1, 2}), frozenset({1})}
print(len(nested), frozenset({1}) in nested)
print(frozenset(), frozenset('a'), frozenset(range(4)), type(frozenset()).__name__)
print({frozenset({2}): 'x'}, set([frozenset()]))
s = {1, 2}
try:
    {s: 1}
except TypeError as e:
    print('TypeError:', e)
print(fs1 | {4}, fs1 & {2, 9}, fs1 - {1}, fs1.union([5]), type(fs1.union([5])).__name__)
