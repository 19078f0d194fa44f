"""Digits of pi with the unbounded spigot algorithm (big integer arithmetic)."""
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


def pi_digits(n):
    """Return the first n decimal digits of pi as a string."""
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    warm_start()
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            if _WARMUP and len(digits) % 150 == 0:
                warm_tick()     # an outer iteration: 150 digits (they get dearer)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return "".join(str(d) for d in digits)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    s = pi_digits(n)
    for i in range(0, len(s), 50):
        print(s[i:i + 50])
    print("digit sum", sum(int(c) for c in s))


main()
