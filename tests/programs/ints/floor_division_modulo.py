pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 5), (-5, 5), (1, 100),
         (-1, 100), (2**70, 3), (-2**70, 3), (2**70, -3), (-2**70, -2**65 - 1)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, divmod(a, b), q * b + r == a)
try:
    5 // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    5 % 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    (2**100) // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(-1 // 3, -1 % 3, 1 // -3, 1 % -3)
print(divmod(-2**64, 10), divmod(2**64, -10))
