"""Integer arithmetic loop: adds, multiplies modulo a constant, comparisons."""
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

MOD = 1000003


def int_loop(n):
    acc = 0
    x = 1
    evens = 0
    i = 0
    total = 0
    # The two loops are independent; one outer iteration runs a 1/40 piece of each.
    quarter = warm_chunks(n // 4)
    warm_start()
    main_parts = warm_chunks(n)
    for c in range(max(len(main_parts), len(quarter))):
        hi = main_parts[c][1] if c < len(main_parts) else n
        while i < hi:
            x = (x * 31 + i) % MOD
            if x & 1 == 0:
                evens += 1
            if x > 500000:
                acc += x - 500000
            else:
                acc -= x // 3
            i += 1
        if c < len(quarter):
            for j in range(quarter[c][0], quarter[c][1]):
                total = (total + j * j) % MOD
        if _WARMUP:
            warm_tick()
    return acc, evens, x, total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000000
    acc, evens, x, total = int_loop(n)
    print("acc", acc)
    print("evens", evens)
    print("x", x)
    print("total", total)


main()
