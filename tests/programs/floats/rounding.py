for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 4.4, -4.6]:
    print(v, round(v), type(round(v)).__name__, round(v, 0), round(v, 1), round(v, 2))
print(round(123.456, -1), round(123.456, -2), round(155.0, -1), round(165.0, -1))
print(round(0.125, 2), round(0.375, 2), round(2.5e-5, 5), round(1e20, 2))
print(round(-0.0), round(-0.4), round(-0.0, 1))
print(round(7), round(7, 2), round(1234, -2), round(1250, -2), round(1350, -2))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print(round(float('inf'), 2), round(float('nan'), 2))
