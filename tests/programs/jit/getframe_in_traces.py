# sys._getframe from code a trace runs: called in an inlined function, the
# call leaves the trace (the interpreter has the frames); called deeper, from
# a residual call made in inlined frames (a key function sorted() calls), the
# inlined frames show where the call stands, with their names and lines.
import sys


def chain(depth):
    names = []
    f = sys._getframe(1)
    while f is not None and len(names) < depth:
        names.append((f.f_code.co_name, f.f_lineno, f.f_globals["__name__"]))
        f = f.f_back
    return names


def who():
    return sys._getframe(1).f_code.co_name


def direct(i):
    return len(who()) + i % 3


def key_peek(v):
    # called by sorted() (native), from frames a trace may hold inlined
    return (v % 5, len(chain(4)))


def middle(xs):
    return sorted(xs, key=key_peek)[0]


def outer(xs):
    return middle(xs)


seen = set()
t = 0
for i in range(400):
    t += direct(i)
    r = outer([i, i + 1, i + 2])
    if i in (0, 399):
        seen.add(tuple(chain(6)))
    t += r
print(t)
print(sorted(seen))


def record(tag):
    f = sys._getframe(2)
    return "%s:%s:%d" % (tag, f.f_code.co_name, f.f_lineno)


def inner_logger(i):
    return sorted([record("a"), record("b")] if i % 2 else [record("c")])


def handler(i):
    return inner_logger(i)


out = []
for i in range(300):
    out.append(handler(i))
print(out[0], out[1], out[-1])
print(len(set(map(tuple, out))))
