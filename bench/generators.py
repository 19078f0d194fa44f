"""Generators: producing, filtering and consuming values through generator chains."""
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


def count_up(n, start=0):
    i = start
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
    half = n // 2
    total = 0
    pairs = 0
    f = 0
    g = fib_gen()
    gsum = 0
    # An outer iteration runs a 1/40 piece of each of the four phases
    # (pairs are cut at even positions so the pairing is unchanged).
    parts = warm_chunks(n)
    pair_parts = warm_chunks((half + 1) // 2)
    fib_parts = warm_chunks(half)
    warm_start()
    for c in range(max(len(parts), len(pair_parts), len(fib_parts))):
        if c < len(parts):
            lo, hi = parts[c]
            for x in evens(squares(count_up(hi, lo))):
                total = (total + x) % 1000000007
            gsum += sum(x % 7 for x in range(lo, hi) if x % 3)
        if c < len(pair_parts):
            lo, hi = pair_parts[c]
            for a, b in take_pairs(count_up(min(2 * hi, half), 2 * lo)):
                pairs += a - b
        if c < len(fib_parts):
            lo, hi = fib_parts[c]
            for i in range(lo, hi):
                f ^= next(g)
        if _WARMUP:
            warm_tick()
    print("even squares", total)
    print("pairs", pairs)
    print("fib xor", f)
    print("genexpr", gsum)


main()
