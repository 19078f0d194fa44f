s = {3, 1, 2}
total = 0
for x in s:
    total += x
print(total, sum(s), max(s), min(s), sorted(s, reverse=True), len(s))
print(any(x > 2 for x in s), all(x > 0 for x in s), list(sorted(s)))
dupes = [1, 2, 2, 3, 3, 3, 4]
print(len(set(dupes)), sorted(set(dupes)))
seen = set()
unique = []
for x in [3, 1, 3, 2, 1, 5]:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique)
print(1.0 in {1}, True in {1}, 0 in {False}, 'a' in set('abc'))
print({1, 2} == {2, 1}, {1, 2} is {1, 2}, bool(set()), bool({0}))
print(hash(frozenset()) == hash(frozenset()), type(set()).__name__)
print(set('aaa'), set([None, None]), {(1, 2), (1, 2)})
try:
    s12 = {1, 2}
    s12[0]
except TypeError as e:
    print('TypeError:', e)
