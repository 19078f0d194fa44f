a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = a
a |= b
print(a, c is a)
a |= [('w', 0)]
print(a)
print({**a, **b, 'extra': 1}, {**{}, **{}})
try:
    a | [('k', 1)]
except TypeError as e:
    print('TypeError:', e)
d1 = {1: 'a'}
d1.update(d1)
print(d1)
merged = {}
for part in ({'a': 1}, {'b': 2}, {'a': 3}):
    merged.update(part)
print(merged)
