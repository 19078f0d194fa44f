# sum(g, start) of objects, max(g) and min(g) over generators: under the JIT
# their loops run as Python code it traces, with frames that never show
# (tracebacks, sys._getframe, the recursion limit), in CPython's order.
import sys
import traceback


class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return "Money(%d)" % self.cents


lines = [(Money(100 + i * 7 % 50), i % 4 + 1) for i in range(12)]
total = Money(0)
top = []
for r in range(400):
    total = sum((m for m, q in lines if q != r % 4), total)
    top.append(max(Money(m.cents * q) for m, q in lines[r % 5:]))
    top.append(min((m for m, q in lines), key=lambda m: (-m.cents, id(m) * 0)))
print("sum", total, top[:3], top[-2:])
print("mixed", sum((x for x in [1, 2.5, Money(3)] if not isinstance(x, Money)), 0.5))
print("numbers then objects", sum((x if i < 3 else Money(x) for i, x in enumerate(range(6))), Money(0)) if False else
      sum((Money(x) for x in range(6)), Money(10)))
print("empty", max((x for x in ()), default="none"), min((x for x in []), default=None))
try:
    max(x for x in ())
except ValueError as e:
    print("ValueError", e)


# Order: the key is called on each item as the generator makes it.
log = []


def noisy(n):
    for i in range(n):
        log.append("make %d" % i)
        yield i


print("keyed", max(noisy(4), key=lambda v: (log.append("key %d" % v), -v)[1]), log)
log.clear()
print("keyed min", min(noisy(3), key=lambda v: (log.append("key %d" % v), v % 2)[1]), log)


# Exceptions inside: raised by the generator, by __add__, by __lt__, by the
# key: tracebacks as CPython prints them (no frame of the loop).
class Bad:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if self.v > 3:
            raise ArithmeticError("too big %d" % self.v)
        return Bad(self.v + o)

    def __gt__(self, o):
        if o.v == 2:
            raise LookupError("no compare with 2")
        return self.v > o.v


def frames_of(e):
    return [(f.name, f.line) for f in traceback.extract_tb(e.__traceback__)]


for attempt in range(60):
    try:
        sum((i for i in range(attempt % 7)), Bad(attempt % 3))
    except ArithmeticError as e:
        last = ("sum", str(e), frames_of(e))
    try:
        max(Bad(v) for v in [2, 3, 5] if v <= attempt + 2)
    except LookupError as e:
        last_max = ("max", str(e), frames_of(e))
    try:
        min((v for v in range(5)), key=lambda v: 10 // (v - attempt % 4))
    except ZeroDivisionError as e:
        last_min = ("min", str(e), frames_of(e))


def gen_raising():
    yield Money(1)
    yield Money(2)
    raise KeyError("in the generator")


try:
    sum(gen_raising(), Money(0))
except KeyError as e:
    print("gen", repr(e), frames_of(e))
print(last)
print(last_max)
print(last_min)


# sys._getframe from a dunder called by the loop: its caller is the frame
# that called sum(), as in CPython (whose loop has no frame).
class Peek:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        f = sys._getframe(1)
        return Peek(self.v + o.v + len(f.f_code.co_name))


def caller_of_sum():
    return sum((Peek(i) for i in range(5)), Peek(0)).v


print("getframe", [caller_of_sum() for _ in range(80)][-1])


# A native key that reads its caller's frame: the caller is the frame that
# called max(), never a loop's.
scale = 3
print("eval key", max((s for s in ["scale * 2", "scale + 10", "scale"]), key=eval))
