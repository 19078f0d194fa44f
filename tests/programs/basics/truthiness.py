values = [0, 1, -1, 0.0, -0.0, 0.5, float('nan'), 0j, 1j, '', ' ', 'a',
          b'', b'\x00', [], [0], (), (None,), {}, {0: 0}, set(), {0},
          frozenset(), None, True, False, range(0), range(1), bytearray(),
          bytearray(1), 10**100, float('inf')]
for v in values:
    print(repr(v), bool(v), 'T' if v else 'F', not v)
class Plain: pass
print(bool(Plain()))
class WithBool:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
class WithLen:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)))
print('x' if WithLen(0) else 'y')
print([x for x in [0, 1, '', 'a', None, [], [1]] if x])
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or [], 0 or '' or 'z')
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
