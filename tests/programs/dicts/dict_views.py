d = {'one': 1, 'two': 2, 'three': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), 'one' in k, 1 in v, ('two', 2) in it, ('two', 3) in it)
d['four'] = 4
print(list(k), list(v), list(it))
for key in k:
    print(key, end=' ')
print()
for key, val in d.items():
    print(f'{key}={val}', end=' ')
print()
print(k & {'one', 'five'}, sorted(k | {'zero'}), sorted(k - {'one'}), type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(it)[:2], list(reversed(k)), list(reversed(d.values())))
print(d.keys() == {'one', 'two', 'three', 'four'}, d.values() == d.values())
del d['one']
print(k, len(k))
e = {}
print(e.keys(), e.values(), e.items(), list(e))
