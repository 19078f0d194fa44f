# literal, capture, wildcard, value, group, sequence, star, mapping, OR, AS, guards
import collections

class Color:
    RED = 1
    GREEN = 2
    BLUE = 3

def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case Color.RED:
            return "unreachable red"
        case []:
            return "empty seq"
        case [x]:
            return f"one item {x!r}"
        case [x, y] if x == y:
            return f"pair of equal {x!r}"
        case [x, y]:
            return f"pair {x!r} {y!r}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first!r} rest={rest!r}"
        case [first, *middle, last]:
            return f"first={first!r} middle={middle!r} last={last!r}"
        case {"kind": "point", "x": px, "y": py}:
            return f"point {px} {py}"
        case {"kind": k, **others}:
            return f"kind {k} others={sorted(others.items())}"
        case {}:
            return "some mapping"
        case str() as s:
            return f"a str {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case float(f) | int(f):
            return f"number {f}"
        case _:
            return "other"

for v in [0, 1, 2, 3, -1, 1.5, "hello", b"raw", None, True, False, 1.0, 2.0,
          [], (), [5], (6,), [1, 1], (1, 2), "ab", b"ab", bytearray(b"ab"),
          [1, 2, 3], (1, 2, 3, 4, 5, 6), range(3), range(10), collections.deque([7, 8]),
          {"kind": "point", "x": 1, "y": 2}, {"kind": "line", "a": 1, "b": 2}, {"a": 1}, {},
          "other", 1000, 7, 2.5, object, {1, 2}]:
    print(repr(v) if not isinstance(v, type) else v.__name__, "->", describe(v))

# value patterns use dotted names; a bare name is a capture
RED = 5
def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE as other:
            return f"green or blue ({other})"
        case unknown:
            return f"unknown {unknown}"
for c in [1, 2, 3, 4]:
    print(color(c))

# group patterns and nested sequences
def nested(v):
    match v:
        case ((a, b), (c, d)):
            return a + b + c + d
        case ([a, [b, [c]]]):
            return a * b * c
        case (x):
            return x
print(nested(((1, 2), (3, 4))), nested([2, [3, [4]]]), nested("plain"))

# star wildcards index instead of unpacking
class Seq(collections.UserList if hasattr(collections, "UserList") else list):
    pass
def ends(v):
    match v:
        case [a, *_, b]:
            return (a, b)
        case [*_]:
            return "short"
print(ends([1, 2, 3, 4]), ends((9, 8)), ends([1]), ends([]))
match [1, 2, 3]:
    case [*_, 3]:
        print("ends with 3")
match [1, 2, 3]:
    case [1, *_]:
        print("starts with 1")
match (1, 2, 3, 4, 5):
    case [*head, 4, 5]:
        print("head", head)

# the subject is evaluated once
calls = []
def subject():
    calls.append(1)
    return [1, 2]
match subject():
    case [1]:
        pass
    case [1, 3]:
        pass
    case [a, b]:
        print("matched", a, b, "calls", len(calls))

# names bound by a failed case are not bound
match [1, 2]:
    case [q, 3]:
        print("no")
    case _:
        print("q bound:", "q" in dir())

# guards see the captures; a failed guard moves on
for item in [(1, 2), (2, 1), (3, 3)]:
    match item:
        case (a, b) if a < b:
            print("ascending", a, b)
        case (a, b) if a > b:
            print("descending", a, b)
        case (a, b):
            print("equal", a, b)

# AS patterns at every level
match {"pos": [1, 2], "tags": ("a", "b")}:
    case {"pos": [x, y] as pos, "tags": (*_,) as tags} as whole:
        print(x, y, pos, tags, len(whole))

# OR patterns binding the same names in different orders
def swap(v):
    match v:
        case (1, a, b) | (2, b, a):
            return (a, b)
        case [x, y] | {"x": x, "y": y} | (x, y, _, _):
            return ("xy", x, y)
    return None
print(swap((1, "A", "B")), swap((2, "A", "B")), swap([5, 6]), swap({"y": 2, "x": 1}),
      swap((7, 8, 9, 10)), swap("no"))

# mapping patterns: extra keys allowed, get() used, **rest is a new dict
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **rest}:
        print("rest", rest, rest is d)
match d:
    case {"z": _}:
        print("no")
    case {"b": 2}:
        print("b is 2")
class Defaulting(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)
match Defaulting(x=1, y=2):
    case {"x": 1, "y": 3}:
        print("no")
    case {"x": xv, **kw}:
        print("xv", xv, kw)
k = "key"
class K:
    key = "key"
match {"key": "val"}:
    case {K.key: v}:
        print("attribute key", v)

# while and for loops with match inside (the JIT records these)
total = 0
for i in range(300):
    match i % 7, [i] * (i % 3):
        case (0, []):
            total += 1
        case (1 | 2, [x]):
            total += x
        case (n, [a, b]) if n > 3:
            total += a - b + n
        case (_, [*xs]):
            total += len(xs)
print("total", total)

i = 0
acc = []
while i < 50:
    match {"i": i, "sq": i * i}:
        case {"i": 0}:
            acc.append("z")
        case {"sq": s} if s % 2 == 0:
            acc.append(s)
        case _:
            pass
    i += 1
print(acc)

# break and continue from inside a case body
for v in range(10):
    match v:
        case 3:
            continue
        case 6:
            break
        case _:
            print("v", v)

# return from a case body in a loop
def find(items):
    for it in items:
        match it:
            case {"id": ident, "ok": True}:
                return ident
    return None
print(find([{"id": 1, "ok": False}, {"id": 2, "ok": True}]))

# the same kinds of patterns in a function's hot loop
def crunch(n):
    out = [0, 0, 0, 0, 0, 0]
    for i in range(n):
        v = [i, i + 1] if i % 2 else {"k": i, "extra": 1}
        if i % 5 == 0:
            v = (i, i, i)
        match v:
            case [a, b] if a > 100:
                out[0] += a + b
            case [a, b]:
                out[1] += a * b
            case {"k": k, **rest} if k % 4 == 0:
                out[2] += k + len(rest)
            case {"k": k}:
                out[3] += k
            case (x, *ys):
                out[4] += x + len(ys)
            case _:
                out[5] += 1
    return out
print(crunch(400))
