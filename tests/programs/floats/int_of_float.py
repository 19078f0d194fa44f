for v in [0.0, -0.0, 0.9, -0.9, 1.9999, -1.9999, 1e10, 1e20, 1e22, 1.5e300, 123456789.987, 2.0**63, -2.0**64]:
    print(repr(v), int(v))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print(type(math.floor(2.5)).__name__, math.floor(1e20))
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print((2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
