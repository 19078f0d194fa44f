"""Exceptions: raising and catching in a loop, try/finally, and exceptions across calls."""
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


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise AppError(i % 7)
    if i % 5 == 0:
        raise ValueError("five")
    return i


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def run(n):
    caught = 0
    codes = 0
    values = 0
    finals = 0
    misses = 0
    d = {i: i * 2 for i in range(0, 100, 2)}
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            try:
                values += check(i)
            except AppError as e:
                caught += 1
                codes += e.code
            except ValueError:
                caught += 1
            finally:
                finals += 1
            if lookup(d, i % 100) < 0:
                misses += 1
        if _WARMUP:
            warm_tick()
    return caught, codes, values, finals, misses


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
    for name, v in zip(("caught", "codes", "values", "finals", "misses"), run(n)):
        print(name, v)


main()
