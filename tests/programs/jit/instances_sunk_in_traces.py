# Instances a trace never makes (virtuals): temporaries of inlined operator
# dunders and methods, made only where they escape. Each section checks what
# an escaped object looks like (identity, attributes, later mutation) against
# what the interpreter makes.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, s):
        return Vec(self.x * s, self.y * s)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scaled(self, s):
        return Vec(self.x * s, self.y * s)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


def temporaries(n):
    # `(a + b) * s` and `.scaled()`: no instance escapes the iteration
    a, b = Vec(1.0, 2.0), Vec(0.5, -0.25)
    t = 0.0
    for i in range(n):
        t += ((a + b) * 2.0).dot(a - b.scaled(0.5))
    return t


print("temporaries", temporaries(3000))


def escapes_sometimes(n):
    # the object made at the exit is the one the interpreter would have made:
    # kept in a list, compared by identity, mutated afterwards
    kept = []
    a = Vec(1, 2)
    for i in range(n):
        v = (a + Vec(i, i)) * 2
        w = v
        if i % 97 == 0:
            kept.append(w)
        if v is not w:
            print("identity lost", i)
    for k in kept[:3]:
        k.x += 1000
    print([repr(k) for k in kept[:5]], len(kept))
    print(sorted(vars(kept[-1]).items()))
    return kept


escapes_sometimes(1000)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


def nested(n):
    # a virtual held by a virtual: a ray of two vectors, read back
    s = 0.0
    last = None
    o = Vec(0.0, 1.0)
    for i in range(n):
        r = Ray(o, Vec(1.0, i * 0.5))
        p = r.at(2.0)
        s += p.x + p.y
        if i == n - 1:
            last = r
    print(last.origin is o, last.direction, last.at(1.0))
    return s


print("nested", nested(2000))


class Particle:
    __slots__ = ("pos", "vel")

    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        return Particle(self.pos + self.vel, self.vel)


def slotted(n):
    p = Particle(Vec(0, 0), Vec(1, 2))
    for i in range(n):
        p = p.step()
    return p.pos, type(p).__name__


print("slotted", slotted(500))


class Base:
    def __init__(self, x):
        self.x = x


class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def total(self):
        return self.x + self.y


def with_super(n):
    t = 0
    for i in range(n):
        t += Derived(i, 2 * i).total()
    return t


print("super", with_super(3000))


class Checked:
    def __init__(self, v):
        self.v = v
        if v < 0:
            raise ValueError("negative %d" % v)
        self.half = v // 2


def raising_init(n):
    # an exception between two of `__init__`'s stores
    made, bad = 0, 0
    for i in range(n):
        try:
            c = Checked(i if i % 50 else -i)
            made += c.half
        except ValueError as e:
            bad += 1
            last = str(e)
    return made, bad, last


print("raising", raising_init(1500))


def equality(n):
    # `!=` through `__eq__` on fresh instances, `==` giving a bool
    same = 0
    for i in range(n):
        if Vec(i % 3, 1) == Vec(1, 1):
            same += 1
        if Vec(i, 0) != Vec(i, 0):
            same -= 100
    return same


print("equality", equality(3000))


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self


def mutated(n):
    # attributes stored after `__init__`, on the fresh object
    t = 0
    for i in range(n):
        c = Counter().bump(i).bump(1)
        t += c.n
    return t


print("mutated", mutated(3000))


def shape_changes(n):
    # the class gains a property halfway: traces guard its version
    t = 0.0
    for i in range(n):
        if i == n // 2:
            Vec.norm1 = property(lambda self: abs(self.x) + abs(self.y))
        v = Vec(i, -i) * 0.5
        t += v.x - v.y
    return t, Vec(3, -4).norm1


print("shapes", shape_changes(2000))


def escape_in_call(n):
    # handed to a builtin and to a function the trace does not inline
    out = []
    for i in range(n):
        v = Vec(i, i + 1) + Vec(1, 1)
        out.append(isinstance(v, Vec))
        if i % 400 == 0:
            print("escaped", repr(v), str(v.scaled(2)))
    return sum(out)


print("escape_in_call", escape_in_call(1200))


def loop_locals(n):
    # locals of the loop's own frame holding fresh instances: one carried
    # from iteration to iteration, one read after the loop, one replaced by
    # None or deleted on some iterations
    acc = Vec(0, 0)
    after = None
    for i in range(n):
        step = Vec(i % 7, 1)
        acc = acc + step
        tmp = step * 3
        if i % 5 == 0:
            tmp = None
        elif i % 11 == 0:
            del tmp
            tmp = Vec(-1, -1)
        after = tmp
    return acc, after, step


print("loop_locals", loop_locals(3000))


def loop_locals_escape(n):
    seen = {}
    for i in range(n):
        v = Vec(i % 4, i % 3)
        w = v + v
        if i % 13 == 0:
            seen[i] = (v, w, v is w)
    k = sorted(seen)[-1]
    a, b, same = seen[k]
    return len(seen), a, b, same, b.x == 2 * a.x


print("loop_locals_escape", loop_locals_escape(2000))


class Acc:
    def __init__(self):
        self.t = 0

    def add(self, k):
        self.t += k
        return self.t


def bound_calls(n):
    # bound methods made by `obj.m` and called at once (neither made in the
    # trace), of an existing instance and of a fresh one; kept sometimes
    a = Acc()
    kept = []
    for i in range(n):
        f = a.add
        f(i)
        g = Vec(i, 1).scaled
        v = g(2)
        if i % 300 == 0:
            kept.append((f, g))
    print(kept[1][0].__self__ is a, kept[1][1].__self__.x, kept[-1][1](3), kept[0][0] == a.add)
    return a.t, v


print("bound_calls", bound_calls(1000))
