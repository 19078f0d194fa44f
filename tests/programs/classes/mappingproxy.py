# a class __dict__ is a read-only mappingproxy (types.MappingProxyType): lookups,
# iteration, get/keys/copy, |, comparisons, str and repr are the mapping's; pprint
# of a dict no longer takes it for one
import types
class C:
    x = 1
    def m(self): pass
d = C.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, d['x'], 'x' in d, len(d) > 2, sorted(k for k in d if not k.startswith('__')))
print(d.get('x'), d.get('nope', 5), sorted(d.keys())[-2:], type(d.copy()).__name__)
try: d['y'] = 2
except TypeError as e: print(e)
try: hash(d)
except TypeError as e: print(e)
m = types.MappingProxyType({'a': 1})
print(m, str(m), m == {'a': 1}, m != {'a': 1}, m | {'b': 2}, {'b': 2} | m, list(reversed(m)))
try: m |= {}
except TypeError as e: print(e)
for bad in ([], (), 5):
    try: types.MappingProxyType(bad)
    except TypeError as e: print(e)
print(types.MappingProxyType[int], vars(C) == dict(C.__dict__))
import pprint
pprint.pprint({'a': {'b': [1, 2]}})
pprint.pprint(m)
import copy
print(copy.copy(C) is C)

# a dict view's mapping is a proxy of its dict
dd = {'k': 1}
for view in (dd.keys(), dd.values(), dd.items()):
    mp = view.mapping
    print(type(mp).__name__, mp, mp['k'], mp == dd)
