"""Closures: calling nested functions that read and update enclosing variables."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --


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
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            acc = (acc + both(i) + counter(i & 7)) % 1000003
            scale = i % 4

            def weigh(v):
                return v * scale

            acc += weigh(1)
        if _WARMUP:
            warm_tick()
    return acc, counter(0)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
    acc, c = run(n)
    print("acc", acc)
    print("counter", c)


main()
