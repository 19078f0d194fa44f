# Objects a compiled loop used die with the program's last reference to them:
# a trace keeps no object of its last run alive (the list a loop iterated was
# kept by the loop's body-entry check; src/jit/mod.rs,
# forget_dead_body_entry_homes). Weak references tell, after gc.collect().
import gc
import weakref
from math import cos, sin, sqrt


class Point(object):
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


refs = []


def benchmark(n, offset):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i + offset)
    for p in points:
        p.normalize()
    refs.append(weakref.ref(points[0]))
    refs.append(weakref.ref(points[n // 2]))
    return round(maximize(points).x, 6)


for k in range(6):
    print(k, benchmark(3000, k))
    gc.collect()
    print([r() is None for r in refs])


def walk(n):
    # the same with a range iterator and nested loops over fresh lists
    out = []
    for j in range(n):
        rows = [[Point(i) for i in range(5)] for _ in range(4)]
        total = 0.0
        for row in rows:
            for p in row:
                total += p.y
        refs.append(weakref.ref(rows[0][0]))
        out.append(round(total, 6))
    return out


print(walk(40)[-3:])
gc.collect()
print(sum(r() is None for r in refs), len(refs))
