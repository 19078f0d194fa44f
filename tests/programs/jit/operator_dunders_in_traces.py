# Binary operators on instances in hot loops: __add__/__sub__/__mul__ inlined,
# with NotImplemented on some iterations (the reflected method then, or
# TypeError), a right operand whose class is a subclass with its own reflected
# method (it goes first), int and float right operands, and exceptions raised
# inside the dunder.


class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if k == 13:
            raise ValueError("unlucky")
        return V(self.x * k, self.y * k)

    def __repr__(self):
        return f"V({self.x}, {self.y})"


class W(V):
    def __radd__(self, o):
        return "W.__radd__"


class Other:
    def __radd__(self, o):
        return V(o.x + 100, o.y)


def run(n):
    acc = V(0, 0)
    for i in range(n):
        acc = acc + V(i, 1)
        acc = acc - V(1, 0) * 2
        acc = (acc + V(0.5, 0)) * 1.0 if i % 50 == 0 else acc
    return acc


def mixed(items):
    out = []
    base = V(1, 1)
    for it in items:
        try:
            out.append(base + it)
        except TypeError as e:
            out.append(str(e))
    return out[-4:]


def raising(n):
    errs = 0
    v = V(1, 2)
    for i in range(n):
        try:
            v = v * (i % 20)
            v = V(1, 2) if v.x > 1000 else v
        except ValueError:
            errs += 1
    return errs, v


print(run(2000))
print(mixed([V(1, 2), Other(), W(0, 0), 5, V(3, 3)] * 30))
print(raising(500))
