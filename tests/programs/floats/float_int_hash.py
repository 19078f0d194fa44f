for v in [0.0, -0.0, 1.0, 2.0, -1.0, 1e10, 2.0**61, 2.0**70, -2.0**70, 1e100, 0.5, 0.25, 3.75, 1.1]:
    print(repr(v), hash(v))
print(hash(1.0) == hash(1), hash(2.0**70) == hash(2**70), hash(1e100) == hash(int(1e100)))
print(hash(-1.0), hash(-1), hash(-0.0))
d = {}
d[1] = 'int one'
d[1.0] = 'float one'
d[2.0] = 'float two'
print(d, d[2])
s = {1, 1.0, 2, 2.0, 3.5}
print(sorted(s), len(s))
print({0: 'a', 0.0: 'b', False: 'c'})
