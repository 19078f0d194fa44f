d = {}
for k in ['zebra', 'apple', 'mango', 'kiwi']:
    d[k] = len(k)
print(d, list(d), list(d.values()))
d['apple'] = 99
print(d)
del d['zebra']
d['zebra'] = 0
print(d)
n = {3: 'c', 1: 'a', 2: 'b'}
print(n, list(n.keys()), sorted(n))
n.pop(1)
n[1] = 'again'
print(n)
print({x: x * x for x in (5, 3, 9, 1)})
print(dict.fromkeys('hello'), dict.fromkeys([3, 1, 2], 0))
