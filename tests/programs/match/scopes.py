# match in closures, class bodies, with global targets, in generators and coroutines,
# walrus in guards, recursion, literals of every type
def outer(v):
    match v:
        case [a, *rest]:
            return lambda: (a, rest)
    return None
print(outer([1, 2, 3])())
class C:
    match (1, 2):
        case (x, y):
            total = x + y
print(C.total, C.x)
g = None
def setg(v):
    global g
    match v:
        case {"g": g}:
            pass
setg({"g": 42}); print(g)
def gen(items):
    for it in items:
        match it:
            case int(n):
                yield n * 2
            case str() as s:
                yield s.upper()
print(list(gen([1, "a", 2.5, 3])))
async def co(v):
    match v:
        case [x]:
            return x
c = co([9])
try: c.send(None)
except StopIteration as e: print(e.value)
match 1:
    case 1 if (w := 5):
        print(w)
match [1, [2, 3]]:
    case [1, [2, 3] as inner] | [inner]:
        print(inner)
def nested(n):
    match n:
        case 0:
            return 0
        case _:
            return 1 + nested(n - 1)
print(nested(50))
try:
    match 5:
        case 1:
            pass
    print("no match no error")
except Exception as e:
    print(e)
import collections
Point = collections.namedtuple("Point", "x y")
match Point(1, 2):
    case Point(x=1, y=yy):
        print("namedtuple kw", yy)
match {"a": 1, "b": 2}:
    case {"a": 1, **kw} if kw:
        print(kw)
match (1, 2, 3):
    case (1, *_, 3) as t:
        print("t", t)
match b"ab":
    case b"ab":
        print("bytes literal")
match -1.5:
    case -1.5:
        print("neg float")
match 3+0j:
    case 3+0j:
        print("complex literal")

# an exception in a guard or a pattern inside try unwinds cleanly
def risky(v):
    try:
        match v:
            case [x] if 1 / x:
                return "ok"
            case _:
                return "other"
    except ZeroDivisionError:
        return "guard raised"
print(risky([1]), risky([0]), risky(5))
