print(1 / 2, 3 / 3, -7 / 2, 7 / -2, 0 / 5, -0 / 5)
print(10 ** 20 / 10 ** 10, 2 ** 100 / 2 ** 50)
print(1 / 3, 2 / 3, 10 / 3, 22 / 7)
print(10**30 / 3, (10**30 + 1) / 10**30)
print(2**1023 / 2**1000)
print(123456789123456789123456789 / 987654321)
print((2**1100) / (2**1099))
try:
    print(2**2000 / 3)
except OverflowError as e:
    print('OverflowError:', e)
try:
    1 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(type(4 / 2).__name__, 4 / 2)
print(10**400 // 10**399, 10**400 / 10**399)
print(1 / 2**1074 if False else 'skip', 2**-1074 == 5e-324)
