# Negating -2**47 (the most negative inline int in Coil's NaN boxing) must give
# a positive big int, in the interpreter's fast path and elsewhere.
import operator

x = -140737488355328
print(-x, -x > 0, type(-x))
print(operator.neg(x), x.__neg__(), abs(x), -(x + 1), -(x - 1))


def f(v):
    return -v


print(f(x), [-v for v in (x, x + 1, 2**47, -2**47)])
total = 0
for i in range(300):
    total += -(x - (i % 2))
print(total)
y = x
while y:
    y, r = divmod(-y if y < 0 else y, 8) if y != x else (-y, 0)
print("ok")
