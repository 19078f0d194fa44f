"""Float arithmetic loop."""
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


def float_loop(n):
    x = 0.5
    y = 1.25
    s = 0.0
    dt = 1.0 / n
    i = 0
    warm_start()
    for lo, hi in warm_chunks(n):
        while i < hi:
            t = i * dt
            x = x * 0.999 + t * 0.001
            y = y - x * y * dt + 0.5 * dt
            s += x * y / (1.0 + t * t)
            i += 1
        if _WARMUP:
            warm_tick()
    return x, y, s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000000
    x, y, s = float_loop(n)
    print("x %.9f" % x)
    print("y %.9f" % y)
    print("s %.6f" % (s / n))


main()
