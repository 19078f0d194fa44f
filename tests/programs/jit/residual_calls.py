# Bytecodes without a specialization run inside traces as residual calls of the
# interpreter's own implementation: their effects happen exactly once, their
# exceptions are raised at the bytecode with the same traceback, and values the
# trace holds survive collections that run inside the calls.

log = []


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        log.append("add")
        return Vec(self.x + o.x, self.y + o.y)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


def dunders(n):
    acc = Vec(0, 0)
    for i in range(n):
        acc = acc + Vec(i, 1)
    return acc, len(log)


print(dunders(200))


def containers(n):
    d = {}
    s = set()
    words = []
    for i in range(n):
        k = "k" + str(i % 5)
        d[k] = d.get(k, 0) + i
        s.add(i % 7)
        t = (k, i)
        a, b = t
        words.append(f"{a}:{b % 3}")
        sl = words[-2:]
        if k in d and len(sl) > 1:
            del sl[0]
    return sorted(d.items()), sorted(s), words[:4], words[-2:]


print(containers(300))


class Countdown:
    """An iterator whose __next__ has effects: each must happen once."""

    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls += 1
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def iterate(n):
    total = 0
    calls = 0
    for j in range(n):
        c = Countdown(j % 6)
        for v in c:
            total += v
        calls += c.calls
    return total, calls


print(iterate(400))


def gen(n):
    for i in range(n):
        yield i * i


def over_generators(n):
    s = 0
    for i in range(n):
        for v in gen(i % 9):
            s += v
    return s


print(over_generators(300))


def raises_at(n, bad):
    out = []
    for i in range(n):
        out.append(10 // (bad - i) if i != bad else {}[i])
    return out


for bad in (3, 100, 250):
    try:
        raises_at(300, bad)
    except KeyError as e:
        print("KeyError", e)


def frame_readers(n):
    seen = 0
    for i in range(n):
        x = i * 2
        seen += len(locals())
    return seen


print(frame_readers(100))


def churn(k):
    # allocates enough to make collections run inside the residual call
    return [[j] * 3 for j in range(k)]


def keeps_values(n):
    kept = []
    for i in range(n):
        t = (i, str(i), [i])
        junk = churn(50)
        kept.append(t)
        if t[2][0] != i or t[1] != str(i) or len(junk) != 50:
            return "corrupted at", i
    return len(kept), kept[-1]


print(keeps_values(400))


def inner_loop(m):
    s = 0
    for i in range(m):
        s += i
    return s


def calls_looping_function(n):
    # the callee's own loop gets its own trace, run from inside the residual call
    t = 0
    for i in range(n):
        t += inner_loop(100 + i % 3)
    return t


print(calls_looping_function(200))


def recursive(n):
    total = 0
    for i in range(n):
        total += i
        if n > 1 and i == n - 1:
            total += recursive(n // 2)
    return total


print(recursive(200))


def closures(n):
    fs = []
    for i in range(n):
        fs.append(lambda x, i=i: x + i)
    return sum(f(1) for f in fs)


print(closures(150))


def capturing(n):
    # the lambda's closure is built from the frame's cell in every iteration
    total = 0
    base = 3
    for i in range(n):
        f = lambda x: x + base
        total += f(i)
        if i == n // 2:
            base = 5
    return total, f(0)


print(capturing(300))


class Plain:
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        log.append("len")
        return self.n


def truthiness(n):
    # branches on containers, strings, None and plain objects need no Python
    # code; on an object with __len__ they do, and it runs once per test
    a = b = 0
    items = [[], [1], {}, {"k": 1}, "", "x", (), (0,), None, Plain(), 0.0, 2.5]
    before = len(log)
    for i in range(n):
        v = items[i % len(items)]
        if v:
            a += 1
        s = Sized(i % 3)
        if s:
            b += 1
        if not v:
            a -= 2
    return a, b, len(log) - before


print(truthiness(300))


class Five:
    def __hash__(self):
        return 5

    def __eq__(self, o):
        log.append("eq")
        return o == 5


def mixed_keys(n):
    # int and str keys take the dict helpers; a key of equal hash whose __eq__
    # is Python code makes them leave to the interpreter, which calls it once
    d = {Five(): "five", 1: "one", "k": "kay"}
    hits = 0
    before = len(log)
    for i in range(n):
        if i % 7 in d:
            hits += 1
        if "k" in d and d["k"] == "kay":
            hits += 1
        d[i % 3 + 10] = i
    return hits, sorted(k for k in d if isinstance(k, int)), len(log) - before


print(mixed_keys(300))
