"""Many calls of small Python functions, a few frames deep."""
import sys


def add(a, b):
    return a + b


def mul_add(a, b, c):
    return add(a * b, c)


def step(x, i):
    return mul_add(x, 3, i) % 65521


def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


def leaf():
    return 1


def run(n):
    x = 1
    count = 0
    for i in range(n):
        x = step(x, i)
        count = add(count, leaf())
        x = clamp(x, 7, 60000)
    return x, count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000000
    x, count = run(n)
    print("x", x)
    print("count", count)


main()
