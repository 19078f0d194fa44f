"""Loads and stores of instance attributes in a loop over a few objects."""
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


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.hits = 0


class Counter:
    def __init__(self):
        self.value = 0
        self.total = 0


def simulate(n):
    parts = [Particle(i, 2 * i, 1 + i % 3, 2 - i % 4) for i in range(4)]
    c = Counter()
    warm_start()
    for lo, hi in warm_chunks(n):
        for step in range(lo, hi):
            for p in parts:
                p.x = p.x + p.vx
                p.y = p.y + p.vy
                if p.x > 1000 or p.x < 0:
                    p.vx = -p.vx
                    p.hits += 1
                if p.y > 1000 or p.y < 0:
                    p.vy = -p.vy
                    p.hits += 1
            c.value += 1
            c.total += parts[step & 3].x
        if _WARMUP:
            warm_tick()
    return parts, c


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    parts, c = simulate(n)
    for p in parts:
        print(p.x, p.y, p.vx, p.vy, p.hits)
    print("counter", c.value, c.total)


main()
