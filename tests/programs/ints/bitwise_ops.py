vals = [0, 1, -1, 5, -5, 255, -256, 2**64, -(2**64), 2**100 + 12345, -(2**100) - 7]
for a in vals[:6]:
    for b in vals[5:]:
        print(a, b, a & b, a | b, a ^ b)
for v in vals:
    print(v, ~v, v << 3, v >> 3, v >> 200)
print(1 << 100, -1 << 100, (1 << 100) >> 99)
print(-1 >> 1, -2 >> 1, -3 >> 1, -(2**70) >> 69)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(~0, ~-1, ~2**64)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError:', e)
print((2**64 - 1) & -(2**32))
