print(1e308 * 10)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print('OverflowError:', e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print('OverflowError:', e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print('OverflowError:', e)
print(1e-400, 10.0 ** -400, 2.0 ** -1080)
print((-8.0) ** 2, (-8.0) ** 3, 8.0 ** (1 / 3))
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
import math
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
