d = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in d:
        if k == 'a':
            del d['b']
except RuntimeError as e:
    print('RuntimeError:', e)
print(d)
d = {'a': 1, 'b': 2}
try:
    for k in d:
        d['new' + k] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
print(sorted(d))
d = {'a': 1, 'b': 2, 'c': 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
d = {'a': 1}
for k in d:
    d[k] = 100
print(d)
d = {i: i for i in range(5)}
d = {k: v for k, v in d.items() if v > 2}
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
