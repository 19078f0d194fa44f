import sys
def squares(n):
    for i in range(n):
        yield i * i

class K:
    def __init__(self, v): self.v = v
    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return "K(%r)" % self.v

def run():
    total = 0
    for r in range(300):
        xs = list(x * 2 for x in range(r % 17))
        t = tuple(squares(r % 5))
        s = set(v % 7 for v in range(r % 23))
        f = frozenset(str(v) for v in range(r % 4))
        total += sum(xs) + sum(t) + len(s) + len(f)
        total += sum(x % 3 for x in range(r))
        total += sum(x > 5 for x in range(r % 11))
        total += int(sum(x / 2 for x in range(r % 9)))
        j = "-".join(str(x) for x in range(r % 6))
        total += len(j)
        srt = sorted((-x for x in range(r % 8)))
        total += srt[0] if srt else 0
    print(total)

run()
# a generator interleaving side effects with a non-pure consumer
def noisy():
    for i in range(3):
        print("yield", i)
        yield K(i % 2)
print(len(set(noisy())))
def mixed():
    yield 1
    yield 2.5
    yield "x"
try:
    print(sum(mixed()))
except TypeError as e:
    print("TypeError", e)
print(sum((x for x in range(10)), 100))
print(sum(([x] for x in range(3)), []))
print(sum(x for x in [10**20, 10**20, -1]))
# generator that raises midway
def boom():
    yield 1
    raise ValueError("boom")
try:
    list(boom())
except ValueError as e:
    print("ValueError", e)
# nested drains
print(list(sum(y for y in range(x)) for x in range(6)))
print(set(tuple(z for z in range(x)) for x in range(4)) == {(), (0,), (0, 1), (0, 1, 2)})
# a generator partially consumed then drained
g = squares(6)
next(g); next(g)
print(list(g), list(g))
# gi_running seen from inside
def selfref():
    yield me.gi_running
me = selfref()
print(list(me))
# return value ignored
def ret():
    yield 1
    return 5
print(list(ret()))
# yield expression value is None in a drained generator
def echo():
    x = yield 1
    yield x
print(list(echo()))
# yield from inner
def outer():
    yield from squares(4)
    yield 99
print(list(outer()), sum(outer()))
# any/all: the sink drops values that decide nothing; the deciding one leaves
# the generator suspended right after it, as in CPython
def anys(n):
    t = 0
    for r in range(n):
        t += any(x > r % 37 for x in range(30))
        t += all(x < r % 41 for x in range(30))
        t += any(v for v in ("", 0, [], r % 3, None))
        t += all([1] * (x + 1) for x in range(r % 5))
    return t
print(anys(400))
g = (x for x in range(10))
print(any(x == 3 for x in g), any(x > 100 for x in g), list(g))
g = (x for x in range(10))
print(any(x == 3 for x in g))
h = (x for x in [0, 0, 5, 0, 7])
print(any(h), list(h))
h = (x for x in [1, 2, 0, 3])
print(all(h), list(h))
class T:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
print(any(T(v) for v in (False, False, True, False)))
print(all(T(v) for v in (True, False, True)))
print(any(0.0 * x for x in range(5)), all(float('nan') for _ in range(2)))
