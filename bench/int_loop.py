"""Integer arithmetic loop: adds, multiplies modulo a constant, comparisons."""
import sys

MOD = 1000003


def int_loop(n):
    acc = 0
    x = 1
    evens = 0
    i = 0
    while i < n:
        x = (x * 31 + i) % MOD
        if x & 1 == 0:
            evens += 1
        if x > 500000:
            acc += x - 500000
        else:
            acc -= x // 3
        i += 1
    total = 0
    for j in range(n // 4):
        total = (total + j * j) % MOD
    return acc, evens, x, total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000000
    acc, evens, x, total = int_loop(n)
    print("acc", acc)
    print("evens", evens)
    print("x", x)
    print("total", total)


main()
