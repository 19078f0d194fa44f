d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
e = {True: 'bool first'}
e[1] = 'int'
e[1.0] = 'float'
print(e)
f = {0: 'zero', False: 'false', 0.0: 'fzero', '0': 'str'}
print(f)
print({1: 'a', 1.0: 'b'}[True], 2.0 in {2: 'x'}, {2: 'x'}.get(2.0))
print({(1, 2): 'a'}[(1.0, 2.0)], hash(1) == hash(True) == hash(1.0))
mixed = {None: 0, 'a': 1, 2: 2, 3.5: 3, (4,): 4, frozenset([5]): 5, b'b': 6}
for k, v in mixed.items():
    print(repr(k), v, type(k).__name__)
print(-1 in {-1: 0}, {-1: 'a', -2: 'b'})
