# class patterns: __match_args__, keywords, built-ins matching themselves

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class NoArgs:
    def __init__(self):
        self.a = 1

class Lazy:
    def __getattr__(self, name):
        if name == "magic":
            return 42
        raise AttributeError(name)

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz) if zz > 0:
            return f"3d above {x},{y},{zz}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {p.x},{p.y}"
        case NoArgs(a=1):
            return "noargs with a=1"
        case Lazy(magic=m):
            return f"lazy {m}"
        case Lazy():
            return "lazy without magic"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
          Point3(0, 0, 0), Point3(1, 2, 3), Point3(1, 2, -3), NoArgs(), Lazy(), 7]:
    print(where(p))

# missing attributes mean no match
class Half:
    __match_args__ = ("a", "b")
    def __init__(self):
        self.a = 1
match Half():
    case Half(1, b):
        print("no", b)
    case Half(a):
        print("only a", a)

# built-in types match themselves positionally
class MyInt(int):
    pass
class MyList(list):
    pass
for v in [5, True, 2.5, "s", b"b", bytearray(b"ba"), [1], (2,), {3: 4}, {5}, frozenset({6}),
          MyInt(9), MyList([1, 2])]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i, type(i).__name__)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(bb):
            print("bytes", bb)
        case bytearray(ba):
            print("bytearray", ba)
        case list([x, *rest]) as whole:
            print("list", x, rest, type(whole).__name__)
        case tuple((t,)):
            print("tuple", t)
        case dict({3: val}):
            print("dict", val)
        case set(s):
            print("set", s)
        case frozenset(fs):
            print("frozenset", fs)

# keyword sub-patterns on built-ins
match 3:
    case int(real=r, imag=i):
        print("real", r, "imag", i)
match "abc":
    case str(upper=u):
        print("bound method name", u.__name__)

# a class pattern's class can be any expression evaluating to a type
import collections
Pair = collections.namedtuple("Pair", "left right")
match Pair(1, 2):
    case Pair(left=l, right=r):
        print("pair", l, r)
match Pair(1, 2):
    case (a, b):
        print("namedtuple as sequence", a, b)

# __match_args__ can be inherited, and the subject must be an instance
class Base:
    __match_args__ = ("v",)
    def __init__(self, v):
        self.v = v
class Derived(Base):
    pass
for obj in [Base(1), Derived(2), 3]:
    match obj:
        case Derived(v):
            print("derived", v)
        case Base(v):
            print("base", v)
        case _:
            print("neither")

# patterns in a hot loop
pts = [Point(i % 5, i % 3) for i in range(200)]
counts = {}
for p in pts:
    match p:
        case Point(0, 0):
            key = "origin"
        case Point(x, 0) | Point(0, x):
            key = "axis"
        case Point(x=x, y=y) if x > y:
            key = "below"
        case Point():
            key = "above"
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))

def tally(points):
    seen = [0, 0, 0, 0]
    for p in points:
        match p:
            case Point(0, y):
                seen[0] += y
            case Point3(x, y, z):
                seen[1] += x + y + z
            case Point(x=x) if x > 2:
                seen[2] += x
            case int(n) | float(n):
                seen[3] += n
    return seen
print(tally([Point(i % 4, i) for i in range(150)] + [Point3(1, 2, 3)] * 20 + [1, 2.5] * 10))
