"""Method calls: bound-method calls on instances, including inherited and super() calls."""
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


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def bump(self, d):
        self.v = (self.v + d) % 1000003
        return self

    def twice(self, x):
        return self.scale(x) + self.scale(x)

    def scale(self, x):
        return x * 2


class Derived(Base):
    def scale(self, x):
        return super().scale(x) + 1


class Other(Base):
    def get(self):
        return self.v + 1


def run(n):
    objs = [Base(1), Derived(2), Other(3)]
    acc = 0
    warm_start()
    for lo, hi in warm_chunks(n):
        for i in range(lo, hi):
            o = objs[i % 3]
            o.bump(i)
            acc += o.get()
            acc += o.twice(i & 15)
            acc %= 1000000007
        if _WARMUP:
            warm_tick()
    return acc, [o.get() for o in objs]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    acc, vals = run(n)
    print("acc", acc)
    print("vals", vals)


main()
