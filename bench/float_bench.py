"""Float benchmark with Point objects (after pyperformance's bm_float)."""
import sys
from math import sin, cos, sqrt

POINTS = 100000


class Point(object):

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

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
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n, offset):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i + offset)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    sx = sy = sz = 0.0
    for k in range(loops):
        p = benchmark(POINTS, k)
        sx += p.x
        sy += p.y
        sz += p.z
        if k == 0:
            print(p)
    print("sum %.9f %.9f %.9f" % (sx, sy, sz))


main()
