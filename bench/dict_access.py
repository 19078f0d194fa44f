"""Dictionary loads, stores, membership tests and iteration with str and int keys."""
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


def run(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for w in words:
        counts[w] = 0
    squares = {}
    total = 0
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            w = words[i % 8]
            counts[w] += 1
            k = i % 1000
            if k in squares:
                total += squares[k]
            else:
                squares[k] = k * k
            total += counts.get(words[(i * 7) % 8], 0)
            if i % 5000 == 0:
                squares.pop((i // 5000) % 1000, None)
        if _WARMUP:
            warm_tick()
    keys = 0
    for k, v in squares.items():
        keys += k ^ (v % 1000)
    return total % 1000000007, sorted(counts.items()), len(squares), keys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4500000
    total, counts, size, keys = run(n)
    print("total", total)
    print("counts", counts)
    print("size", size, "keys", keys)


main()
