"""Generators: producing, filtering and consuming values through generator chains."""
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def take_pairs(it):
    it = iter(it)
    for a in it:
        b = next(it, 0)
        yield a, b


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4500000
    total = 0
    for x in evens(squares(count_up(n))):
        total = (total + x) % 1000000007
    print("even squares", total)

    pairs = 0
    for a, b in take_pairs(count_up(n // 2)):
        pairs += a - b
    print("pairs", pairs)

    f = 0
    g = fib_gen()
    for i in range(n // 2):
        f ^= next(g)
    print("fib xor", f)

    print("genexpr", sum(x % 7 for x in range(n) if x % 3))


main()
