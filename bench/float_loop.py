"""Float arithmetic loop."""
import sys


def float_loop(n):
    x = 0.5
    y = 1.25
    s = 0.0
    dt = 1.0 / n
    i = 0
    while i < n:
        t = i * dt
        x = x * 0.999 + t * 0.001
        y = y - x * y * dt + 0.5 * dt
        s += x * y / (1.0 + t * t)
        i += 1
    return x, y, s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000000
    x, y, s = float_loop(n)
    print("x %.9f" % x)
    print("y %.9f" % y)
    print("s %.6f" % (s / n))


main()
