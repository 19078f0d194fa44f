# Class calls in hot loops: allocation and __init__ inlined into the trace
# (attributes added by shape transitions), and every way that can go wrong.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class Vec3(Vec):
    def __init__(self, x, y, z):
        Vec.__init__(self, x, y)
        self.z = z


class Counted:
    made = 0

    def __init__(self, v):
        Counted.made += 1
        self.v = v


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class WithProp:
    def __init__(self, v):
        self.v = v

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 10


class Picky:
    def __init__(self, v):
        if v % 250 == 249:
            raise ValueError("bad %d" % v)
        self.v = v


class Weird:
    def __init__(self, v):
        self.v = v
        if v == 300:
            return v


def sum_vectors(n):
    acc = Vec(0, 0)
    kept = []
    for i in range(n):
        p = Vec(i, 2)
        acc = acc.add(p)
        if i % 100 == 0:
            kept.append(p)
    return acc, len(kept), kept[-1], kept[-1].x


def mixed(n):
    t = 0
    for i in range(n):
        v = Vec3(i, i + 1, i * 0.5) if i % 3 else Vec(i, 1.5)
        t += v.x + v.y + getattr(v, "z", 0)
        c = Counted(i)
        s = Slotted(i)
        w = WithProp(i)
        t += c.v + s.a + w.v
    return t, Counted.made


def failing(n):
    errors = []
    total = 0
    for i in range(n):
        try:
            total += Picky(i).v
        except ValueError as e:
            errors.append(str(e))
    return total, errors


def weird(n):
    made = 0
    for i in range(n):
        try:
            Weird(i)
            made += 1
        except TypeError as e:
            print("TypeError:", e)
    return made


def changing_class(n):
    out = []
    for i in range(n):
        if i == n // 2:
            def init(self, x, y):
                self.x = -x
                self.y = -y
            Vec.__init__ = init
        out.append(Vec(i, i).x)
    return out[-3:], sum(out)


print(sum_vectors(3000))
print(mixed(2000))
print(failing(1000))
print(weird(500))
print(changing_class(1000))
