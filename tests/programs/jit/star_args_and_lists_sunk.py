# `f(a, *rest)` calls the trace inlines (the argument list and tuple never
# made), list displays appended to and kept, bound methods called with
# `*args`; made where they escape.


class Canvas:
    def __init__(self):
        self.t = 0

    def plot(self, x, y, r, g, b):
        self.t = (self.t + x * r + y * g + b) % 100003
        return self.t


def colour(i):
    return (i % 3, i % 5, 1)


def scale(a, b, c=10):
    return a * c + b


def star_calls(n):
    c = Canvas()
    s = 0
    for i in range(n):
        col = colour(i)
        c.plot(i, 2, *col)
        s += scale(*col[:2]) + scale(i, *(1, 3))
        if i == n // 2:
            col = (1.5, 2, 3)
            s += int(scale(*col))
    return c.t, s


print("star_calls", star_calls(3000))


def lists(n):
    kept = []
    total = 0
    for i in range(n):
        xs = [i, i + 1]
        xs.append(i * 2)
        xs.extend((1, 2))
        total += xs[0] + len(xs)
        if i % 400 == 0:
            kept.append(xs)
            xs.append(-1)
    print(kept[:2], kept[-1] is not kept[-2])
    return total, len(kept)


print("lists", lists(2000))


def bad_calls(n):
    # wrong arity through `*args`: the interpreter raises, as CPython does
    errors = 0
    for i in range(n):
        args = (i, 1, 2, 3) if i % 250 == 249 else (i, 1)
        try:
            scale(*args)
        except TypeError as e:
            errors += 1
            last = str(e)
    return errors, last


print("bad_calls", bad_calls(1000))
