# set(g), tuple(g), list(g), sum(g) and sep.join(g) of generators not started
# yet: under the JIT
# a short generator is recorded whole into the calling loop's trace; exits
# inside it finish the builtin's loop in the interpreter, with CPython's
# results, errors and tracebacks.
import sys
import traceback


def show(label, x):
    print(label, sorted(x) if isinstance(x, set) else x)


cols = range(8)
acc = []
for k in range(300):
    vec = tuple((k * 7 + i * 3) % 8 for i in cols)
    a = set(vec[i] + i for i in cols)
    b = tuple(vec[i] - i for i in cols)
    c = list(x * 2 for x in vec if x % 3)
    acc.append((len(a), b[k % 8], len(c), sum(c)))
print("fixed", acc[:3], acc[-3:], len(set(acc)))

# lengths that change, past the unrolling budget and back
out = []
for k in range(200):
    n = (k * 5) % 23
    t = tuple(i * i for i in range(n))
    s = set(i % 7 for i in range(n))
    l = list(str(i) for i in range(n % 4))
    out.append((len(t), t[-1] if t else None, sorted(s)[:2], l))
print("lengths", out[:4], out[-4:])

# identity and mutation: each call makes a new object
keep = []
for k in range(100):
    l = list(j for j in range(3))
    l.append(k)
    keep.append(l)
print("fresh", keep[0], keep[-1], keep[0] is keep[1], len({id(x) for x in keep}))


# items the set's fast path does not take: hashes that run Python code
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 5)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 5 == other.v % 5


mixed = []
for k in range(200):
    s = set((Key(i) if (i + k) % 97 == 0 else i) for i in range(6))
    mixed.append(len(s))
print("impure keys", mixed[:5], sum(mixed))

# an unhashable item, and exceptions raised inside the generator
errors = []
for k in range(200):
    try:
        if k % 50 == 49:
            s = set([i] if i == 3 else i for i in range(5))
        else:
            s = tuple(10 // (i - k % 7) for i in range(6))
        errors.append(len(s))
    except (TypeError, ZeroDivisionError) as e:
        errors.append(type(e).__name__)
print("errors", errors[:12], errors.count("TypeError"), errors.count("ZeroDivisionError"))


def tb_of(f):
    try:
        f()
    except Exception:
        lines = traceback.format_exc().splitlines()
        return [l.strip() for l in lines if l.strip().startswith(("File", "ZeroDivision", "TypeError"))]


def divide_all(k):
    return list(100 // (i - k) for i in range(4))


for k in range(100):
    if k < 95:
        divide_all(9)
print("\n".join(l.replace(__file__, "FILE") for l in tb_of(lambda: divide_all(2))))


# drains of generator functions, and a generator that returns early
def upto(n, stop):
    for i in range(n):
        if i == stop:
            return "early"
        yield i * 3


res = []
for k in range(150):
    res.append((tuple(upto(6, k % 8)), sorted(set(upto(4, 9)))))
print("functions", res[:2], res[-2:])


# a drained generator that resumes another generator inline
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


nested = []
for k in range(150):
    nested.append(list(e + k for e in evens(range(k % 9))))
print("nested", nested[:3], nested[-2:])


# drains inside a generator the loop resumes (nqueens' permutations)
def perms_prefixes(n):
    pool = tuple(range(n))
    idx = list(range(n))
    for j in range(200):
        idx[j % n], idx[(j * 3) % n] = idx[(j * 3) % n], idx[j % n]
        yield tuple(pool[i] for i in idx[:n - 1])


count = 0
first = None
for p in perms_prefixes(6):
    if first is None:
        first = p
    count += len(set(p[i] + i for i in range(len(p))))
print("inside a generator", first, count)


# the builtins shadowed or replaced mid-loop
got = []
for k in range(120):
    if k == 80:
        set = frozenset
    got.append(type(set(i for i in range(3))).__name__)
del set
print("shadowed", got[78:82])


# frames seen from calls inside a generator resumed and one drained inline
def who():
    f = sys._getframe(1)
    return (f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno)


def gen():
    for i in range(3):
        x = i
        yield who()


names = []
for k in range(100):
    for n in gen():
        names.append(n)
    d = list(who() for i in range(2))
print("frames", names[:1], names[-1:], d)


# a missing key inside a drained genexpr, caught around the builtin's call
table = {i: i * 3 for i in range(10)}
got = []
for k in range(300):
    keys = (1, 2, k % 13, 4)
    try:
        got.append(len(set(table[x] for x in keys)))
    except KeyError as e:
        got.append(("missing", e.args[0]))
    got.append(tuple(table.get(x, -1) + len(str(x)) for x in keys)[2])
print("keys", got[:6], got[20:30], len(got))


# sums: ints, floats, a filter, past the inline ints, bools, an object with
# __add__ at one iteration, a raise inside
row = (3, 1, 4, 1, 5, 9, 2, 6)
big = 2 ** 46
sums = []
for k in range(400):
    a = sum(x * k for x in row)
    b = sum(x / 2 for x in row if x != k % 10)
    c = sum((x if k % 50 else x * 0.5) for x in row)
    d = sum(big * x for x in row) if k % 3 == 0 else 0
    e = sum(x > 3 for x in row) if k % 7 == 0 else -1
    sums.append((a, b, c, d, e))
print("sums", sums[:3], sums[-3:])


class Acc:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Acc(self.v + (o.v if isinstance(o, Acc) else o))

    def __radd__(self, o):
        return Acc(o + self.v)


tot = []
for k in range(300):
    s = sum((Acc(x) if k == 150 and x == 4 else x) for x in row)
    tot.append(s.v if isinstance(s, Acc) else s)
    try:
        tot.append(sum(10 // (x - k % 11) for x in row))
    except ZeroDivisionError:
        tot.append("zde")
print("sum objects", tot[:6], tot[298:306], len(tot))


# joins: strs, a str subclass, a filter, a non-str item at some iterations
class Name(str):
    pass


joined = []
for k in range(300):
    parts = ("a", "bb", "c", str(k))
    joined.append(", ".join(p.upper() for p in parts))
    joined.append("".join(x for x in parts if x != "c"))
    joined.append("-".join(Name(x) for x in parts[:2]))
    try:
        joined.append("/".join((x if k % 97 else 1) for x in parts))
    except TypeError as e:
        joined.append(str(e))
    joined.append("|".join(str(i) for i in range(k % 20)))
print("joins", joined[:10], joined[-5:], len(joined), sum(len(x) for x in joined))
