# Comparisons of instances whose class defines __lt__/__eq__/... in Python:
# the dunder is inlined into the trace (the reflected one for `x > y` on a
# class with only __lt__), and a NotImplemented it returns goes on with the
# rest of the protocol (the other operand's method, identity for ==, or the
# TypeError), as in the interpreter.
import functools


class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    def __lt__(self, other):
        if isinstance(other, Money):
            return self.cents < other.cents
        if isinstance(other, int):
            return self.cents < other * 100
        return NotImplemented

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)


def run(n):
    best = Money(0)
    lows = eq = ups = 0
    xs = [Money((i * 7919) % 1000) for i in range(64)]
    for i in range(n):
        m = xs[i % 64]
        if m > best:           # reflected: best.__lt__(m)
            best = m
        if m < 300:            # int on the right
            lows += 1
        if m == xs[(i * 3) % 64]:
            eq += 1
        if m != xs[(i * 5) % 64]:   # object's __ne__ inverting __eq__
            ups += 1
        if i % 97 == 0 and m == "x":   # NotImplemented both ways: identity
            eq += 1000
    return best.cents, lows, eq, ups


print(run(5000))


class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts


class Loud(Version):
    # a subclass whose reflected method goes first when it is on the right
    def __gt__(self, other):
        return "loud gt"


def versions(n):
    vs = [Version(i % 3, i % 5, i % 7) for i in range(30)]
    newest = vs[0]
    le = 0
    out = []
    for i in range(n):
        v = vs[i % 30]
        if newest < v:
            newest = v
        if v <= vs[(i + 7) % 30]:
            le += 1
        if i % 250 == 0:
            out.append(Version(1) < Loud(2))   # Loud.__gt__ first
    return newest.parts, le, out


print(versions(3000))


# Exceptions inside the dunder, and a TypeError from the protocol.
class Touchy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if other.v == 13:
            raise ValueError("unlucky %d" % self.v)
        return self.v < other.v


errors = []
for i in range(400):
    a, b = Touchy(i % 17), Touchy((i * 5) % 17)
    try:
        if a < b:
            errors.append(0)
    except ValueError as e:
        errors.append(str(e))
    try:
        if i % 50 == 0:
            Touchy(1) < 5
    except AttributeError as e:
        errors.append("attr")
    try:
        if i % 60 == 0:
            Money(1) < "s"
    except TypeError as e:
        errors.append(str(e))
print(len(errors), errors[:6], [e for e in errors if isinstance(e, str)][:4])


# The method replaced mid-loop, and sorting through the dunders.
def keep_min(n):
    lo = Money(10 ** 6)
    for i in range(n):
        if i == n // 2:
            Money.__lt__ = lambda s, o: s.cents > o.cents if isinstance(o, Money) else NotImplemented
        m = Money((i * 31) % 500)
        if m < lo:
            lo = m
    return lo.cents


print(keep_min(2000))
Money.__lt__ = lambda s, o: s.cents < o.cents
ms = sorted(Money((i * 37) % 101) for i in range(200))
print([m.cents for m in ms[:5]], functools.reduce(lambda a, b: a if a < b else b, ms).cents)


# An operator dunder returning NotImplemented, then the protocol's TypeError:
# the recording ends before the operator (its undo point was taken in the
# caller's frame at the callee's pc: the trace resumed the caller there).
class Half:
    def __add__(self, o):
        if isinstance(o, str):
            return NotImplemented
        return 1
h = Half()
n = 0
for i in range(60):
    try:
        if i % 7 == 3:
            h + "s"
        else:
            n += h + i
    except TypeError:
        n += 100
print(n)


# `!=` through object's `__ne__`, which inverts `__eq__` (NotImplemented
# passed on: then the other side's `__ne__`, then identity).
class Tag:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        if isinstance(other, Tag):
            return self.name == other.name
        if isinstance(other, str):
            return self.name == other
        return NotImplemented


def differ(n):
    tags = [Tag("t%d" % (i % 5)) for i in range(20)]
    d = s = o = 0
    for i in range(n):
        t = tags[i % 20]
        if t != tags[(i * 7) % 20]:
            d += 1
        if t != "t3":
            s += 1
        if i % 11 == 0 and t != i:
            o += 1
        if i % 13 == 0 and t != t:
            o += 1000
    return d, s, o


print(differ(3000))
