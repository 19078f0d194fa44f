"""String building: concatenation, join, formatting, slicing and str methods."""
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
    parts = []
    s = ""
    h = 0
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            t = str(i)
            s += t[-1]
            if len(s) > 64:
                h = (h * 31 + hash_str(s)) % 1000000007
                s = s[32:]
            parts.append("%d:%s" % (i % 97, t))
        if _WARMUP:
            warm_tick()
    joined = ",".join(parts)
    upper = "item-%d" % n
    words = joined.split(",")
    rebuilt = "-".join(w.upper().replace(":", "=") for w in words[:1000])
    return h, len(joined), joined[:40], joined.count("7"), upper, len(rebuilt), rebuilt[-30:]


def hash_str(s):
    h = 0
    for c in s[:8]:
        h = (h * 131 + ord(c)) % 1000000007
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1800000
    for item in run(n):
        print(item)


main()
