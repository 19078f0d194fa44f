"""Tuple and list packing/unpacking (after pyperformance's unpack_sequence)."""
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


def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += a + j
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += b + i
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += c + h
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += d + g
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += e + f
    return s


def swaps(lo, hi, state):
    x, y, z = state
    for k in range(lo, hi):
        x, y = y, x
        y, z = z, y + k % 5
        x, y, z = z, x, y
    return x, y, z


def starred(loops, seq):
    t = 0
    for _ in range(loops):
        first, *middle, last = seq
        t += first + last + len(middle)
    return t


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
    tup = tuple(range(10))
    lst = list(range(10, 20))
    seq = [3, 1, 4, 1, 5, 9, 2, 6]
    t1 = t2 = t3 = 0
    state = (1, 2, 3)
    # An outer iteration runs a 1/40 piece of each of the four phases.
    parts = warm_chunks(n)
    quarter = warm_chunks(n // 4)
    warm_start()
    for c in range(max(len(parts), len(quarter))):
        if c < len(parts):
            lo, hi = parts[c]
            t1 += do_unpacking(hi - lo, tup)
            t2 += do_unpacking(hi - lo, lst)
            state = swaps(lo, hi, state)
        if c < len(quarter):
            t3 += starred(quarter[c][1] - quarter[c][0], seq)
        if _WARMUP:
            warm_tick()
    print("tuple", t1)
    print("list", t2)
    print("swaps", state)
    print("starred", t3)


main()
