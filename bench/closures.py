"""Closures: calling nested functions that read and update enclosing variables."""
import sys


def make_counter(start):
    count = start

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


def make_adder(k):
    def add(x):
        return x + k
    return add


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def run(n):
    counter = make_counter(10)
    add3 = make_adder(3)
    add5 = make_adder(5)
    both = compose(add3, add5)
    acc = 0
    for i in range(n):
        acc = (acc + both(i) + counter(i & 7)) % 1000003
        scale = i % 4

        def weigh(v):
            return v * scale

        acc += weigh(1)
    return acc, counter(0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
    acc, c = run(n)
    print("acc", acc)
    print("counter", c)


main()
