"""Many calls of small Python functions, a few frames deep."""
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
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            x = step(x, i)
            count = add(count, leaf())
            x = clamp(x, 7, 60000)
        if _WARMUP:
            warm_tick()
    return x, count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000000
    x, count = run(n)
    print("x", x)
    print("count", count)


main()
