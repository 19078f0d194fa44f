print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10**9 + 7))
print(pow(2, -1), pow(2, -2), pow(-2, -3), type(pow(2, -1)).__name__)
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(3, -1, 7), pow(38, -1, 97), (pow(38, -1, 97) * 38) % 97)
print(pow(2**100, 2**50, 10**9 + 9))
print(pow(0, 0), pow(0, 0, 5), pow(5, 0, 1))
print(2 ** -1, (-8) ** (1/3) if False else 'skip', 10 ** -3)
print(pow(7, 2, 1), pow(123456789, 98765, 2**61 - 1))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
