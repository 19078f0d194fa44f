"""List indexing loads and stores in nested loops."""
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


def run(n, reps):
    a = [i % 7 for i in range(n)]
    b = [0] * n
    grid = [[(i * j) % 13 for j in range(64)] for i in range(64)]
    t = 0
    # The two phases are independent; one outer iteration runs a piece of each.
    gparts = warm_chunks(reps // 8 + 1)
    warm_start()
    rparts = warm_chunks(reps)
    for c in range(max(len(rparts), len(gparts))):
        lo, hi = rparts[c] if c < len(rparts) else (0, 0)
        for r in range(lo, hi):
            for i in range(1, n - 1):
                b[i] = a[i - 1] + a[i] * 2 + a[i + 1] + r
            for i in range(n):
                a[i] = b[i] % 101
        if c < len(gparts):
            for k in range(gparts[c][0], gparts[c][1]):
                for i in range(64):
                    row = grid[i]
                    for j in range(64):
                        row[j] = (row[j] + grid[j][i] + k) % 97
                        t += row[j]
        if _WARMUP:
            warm_tick()
    return sum(a), a[n // 2], t


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 2400
    s, mid, t = run(5000, reps)
    print("sum", s)
    print("mid", mid)
    print("grid", t)


main()
