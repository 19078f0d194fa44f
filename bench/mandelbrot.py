"""Mandelbrot set: escape-time iteration over a size x size grid."""
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


def mandelbrot(size, max_iter):
    total = 0
    inside = 0
    rows = [0] * size
    # One outer iteration computes every 40th row (rows cost unequal amounts).
    warm_start()
    for stripe in range(min(40, size)):
        for y in range(stripe, size, 40):
            ci = 2.0 * y / size - 1.0
            row_sum = 0
            for x in range(size):
                cr = 2.0 * x / size - 1.5
                zr = 0.0
                zi = 0.0
                i = 0
                while i < max_iter:
                    zr2 = zr * zr
                    zi2 = zi * zi
                    if zr2 + zi2 > 4.0:
                        break
                    zi = 2.0 * zr * zi + ci
                    zr = zr2 - zi2 + cr
                    i += 1
                if i == max_iter:
                    inside += 1
                row_sum += i
            total += row_sum
            rows[y] = row_sum
        if _WARMUP:
            warm_tick()
    return total, inside, rows


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    total, inside, rows = mandelbrot(size, 50)
    print("total", total)
    print("inside", inside)
    h = 0
    for r in rows:
        h = (h * 1000003 + r) % 4294967296
    print("rows", h)


main()
