# Functions with compiled entry traces return through the trace's exit at
# their `return` without the frame being written back: the value must be the
# one the interpreter would return, whatever is below it on the stack (a for
# loop's iterator, a with block's exit), whatever made it (a tuple or an
# instance the trace never made, a closure over a cell), and whoever called
# (a trace's residual call, the interpreter, native code, recursion).


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)


def first_over(xs, limit):
    for i, x in enumerate(xs):
        if x > limit:
            return i, x
        while x > 3:
            x -= 3
    return None


def pair(a, b):
    t = (a + b, a - b)
    return t


def make_point(i):
    p = P(i, i * 2)
    p.x += 1
    return p


def adder(n):
    def add(k):
        return k + n
    return add


class Ctx:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("in")
        return self

    def __exit__(self, *a):
        self.log.append("out")
        return False


def in_with(c, v):
    with c:
        for j in range(2):
            v += j
        return v * 2


def in_finally(v, log):
    try:
        for j in range(3):
            v += j
        return v
    finally:
        log.append(v)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def even(n):
    if n == 0:
        return True
    return odd(n - 1)


def odd(n):
    if n == 0:
        return False
    return even(n - 1)


def key_of(s):
    total = 0
    for ch in s:
        total = total * 31 + ord(ch)
    return total % 1000


def varying(i):
    # the return value's type changes: ints, then floats, then strs
    if i < 100:
        return i
    if i < 200:
        return i / 2
    return str(i)


def run():
    xs = [1, 5, 2, 9, 4, 12, 7]
    found = []
    pts = []
    acc = 0
    c = Ctx()
    log = []
    kinds = {}
    for i in range(300):
        found.append(first_over(xs, i % 14))
        s, d = pair(i, 3)
        acc += s - d
        pts.append(make_point(i))
        acc += adder(i)(1)
        acc += in_with(c, i)
        acc += in_finally(i, log)
        acc += fib(i % 12)
        acc += even(i % 9)
        v = varying(i)
        kinds[type(v).__name__] = kinds.get(type(v).__name__, 0) + 1
    print(found[:16], found[-3:])
    print(acc, pts[:3], pts[-1], len(c.log), log[:4], log[-1])
    print(sorted(kinds.items()))
    words = ["w%d" % (i * 7 % 50) for i in range(200)]
    print(sorted(words, key=key_of)[:8])
    print(sum(map(fib, range(15))), list(map(pair, range(4), range(4))))
    a = pts[-1]
    a.y = 0
    print(a, pts[-1] is a, pts[5] is pts[5])


run()
