# `try` inside traced loops: the trace pushes and pops the frame's handler blocks,
# so an exception raised at any point of the body (a failing guard's exit, a
# residual call, a division by zero) reaches its handler as in the interpreter.


def rare(n):
    total = 0
    caught = []
    for i in range(n):
        try:
            total += 1000 // (i % 250 - 7)
        except ZeroDivisionError:
            caught.append(i)
    return total, caught


print("rare", rare(2000))


def lookups(n):
    d = {k: k * 2 for k in range(0, 100, 3)}
    hits = misses = 0
    for i in range(n):
        try:
            hits += d[i % 100]
        except KeyError:
            misses += 1
    return hits, misses


print("lookups", lookups(3000))


def finally_and_break(n):
    log = 0
    cleanups = 0
    for i in range(n):
        try:
            if i == n - 3:
                break
            if i % 7 == 0:
                continue
            log += i
        finally:
            cleanups += 1
    return log, cleanups


print("finally", finally_and_break(1000))


class Counter:
    def __init__(self):
        self.entered = 0
        self.exited = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *exc):
        self.exited += 1
        return False


def with_in_loop(n):
    c = Counter()
    s = 0
    for i in range(n):
        with c:
            s += i
    return s, c.entered, c.exited


print("with", with_in_loop(1500))


def nested(n):
    out = 0
    for i in range(n):
        try:
            try:
                out += int("12" if i % 300 else "x")
            except ValueError:
                out -= 5
                raise KeyError(i)
        except KeyError as e:
            out += e.args[0] % 3
    return out


print("nested", nested(1200))


def returns_from_try(xs, want):
    for i in range(len(xs)):
        try:
            if xs[i] == want:
                return i
        except TypeError:
            pass
    return -1


print("return", sum(returns_from_try(list(range(60)), w) for w in range(200)))


def types_change(n):
    acc = 0
    for i in range(n):
        try:
            acc = acc + (i if i < n // 2 else i * 0.5)
        except TypeError:
            acc = 0
    return acc


print("types", types_change(1000))
