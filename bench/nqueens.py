"""N-Queens by brute force over permutations (after pyperformance's nqueens)."""
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


def permutations(iterable, r=None):
    """Pure-Python permutations, equivalent to itertools.permutations."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def n_queens(queen_count):
    """Yield all solutions; each is a tuple of column positions, one per row."""
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    count = 0
    checksum = 0
    first = None
    prefix = -1
    warm_start()
    for sol in n_queens(n):
        if _WARMUP:
            # An outer iteration: the solutions sharing the first two queens.
            p = sol[0] * n + sol[1]
            if p != prefix:
                if prefix >= 0:
                    warm_tick()
                prefix = p
        if first is None:
            first = sol
        count += 1
        for i in range(n):
            checksum = (checksum * 31 + sol[i] * (i + 1)) % 1000000007
    if _WARMUP:
        warm_tick()
    print("solutions", count)
    print("first", first)
    print("checksum", checksum)


main()
