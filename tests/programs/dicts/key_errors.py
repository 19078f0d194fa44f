d = {'present': 1, 2: 'two', (1, 2): 'tup'}
for key in ['absent', 3, (1, 3), None, '', 'it\'s']:
    try:
        d[key]
    except KeyError as e:
        print('KeyError:', e, repr(e), e.args)
try:
    del d['gone']
except KeyError as e:
    print('KeyError on del:', e)
try:
    d[[1]]
except TypeError as e:
    print('TypeError:', e)
class Default(dict):
    def __missing__(self, key):
        return f'missing {key}'
dd = Default(a=1)
print(dd['a'], dd['b'], 'b' in dd)
from collections import defaultdict
dfd = defaultdict(list)
dfd['x'].append(1)
dfd['y']
print(sorted(dfd.items()), dict(dfd))
