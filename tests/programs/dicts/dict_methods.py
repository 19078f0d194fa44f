d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 'default'), d['b'])
print(d.setdefault('a', 100), d.setdefault('c', 3), d.setdefault('n'), d)
print(d.pop('n'), d.pop('zz', 'missing'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
d.update({'d': 4, 'a': 10})
d.update([('e', 5)])
d.update(f=6, g=7)
print(d)
print(d.popitem(), d.popitem(), d)
e = d.copy()
e['new'] = 1
print(len(d), len(e), 'new' in d)
e.clear()
print(e, len(e))
try:
    {}.popitem()
except KeyError as ex:
    print('KeyError:', ex)
print(dict.fromkeys(['x', 'y'], []), {}.get(1))
shared = dict.fromkeys('ab', [])
shared['a'].append(1)
print(shared)
