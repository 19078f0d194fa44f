import math
class Vector:
    def __init__(self, *comps):
        self.c = tuple(comps)
    def __repr__(self):
        return f"Vector{self.c}"
    def __str__(self):
        return "<" + ", ".join(str(x) for x in self.c) + ">"
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __iter__(self):
        return iter(self.c)
    def __add__(self, o):
        if not isinstance(o, Vector):
            return NotImplemented
        return Vector(*(a + b for a, b in zip(self, o)))
    def __sub__(self, o):
        return Vector(*(a - b for a, b in zip(self, o)))
    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self, k))
        return Vector(*(a * k for a in self))
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vector(*(a / k for a in self))
    def __neg__(self):
        return Vector(*(-a for a in self))
    def __pos__(self):
        return Vector(*self.c)
    def __abs__(self):
        return math.sqrt(sum(a * a for a in self))
    def __eq__(self, o):
        return isinstance(o, Vector) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __bool__(self):
        return any(self.c)

v = Vector(1, 2, 3)
w = Vector(4, 5, 6)
print(v, repr(w))
print(v + w, w - v, v * 2, 3 * v, v * w)
print(w / 2, -v, +v, abs(Vector(3, 4)))
print(len(v), v[0], v[-1], v[1:], list(v))
print(v == Vector(1, 2, 3), v != w, v == (1, 2, 3))
print(bool(Vector(0, 0)), bool(v))
print({v: "v", Vector(1, 2, 3): "again"})
try:
    v + 5
except TypeError as e:
    print("TypeError:", e)
x, y, z = v
print(x, y, z, sum(v), max(w))
print(sorted([Vector(3, 0), Vector(1, 1), Vector(0, 2)], key=abs))
