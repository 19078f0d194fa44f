"""Exceptions raised inside traced loops: by `raise` in inlined calls, by
subscripts and conversions that fail, by residual calls, inside inlined `try`
blocks (whose handlers the rebuilt frames must find), with tracebacks."""


class Miss(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def parse(s):
    try:
        v = int(s)
    except ValueError:
        v = len(s)
    else:
        v += 1
    finally:
        pass
    return v


def deep(i):
    if i % 7 == 0:
        raise Miss(i % 5)
    return i


def guarded(i):
    try:
        return deep(i) * 2
    except Miss as e:
        return -e.code


def nested(i):
    try:
        try:
            if i % 4 == 0:
                raise ValueError(i)
            return [1, 2, 3][i % 5]
        except ValueError as e:
            return e.args[0] // 4
    except IndexError:
        return 100


def run(n):
    d = {i: i * 2 for i in range(0, 100, 2)}
    t = 0
    words = ["12", "x", "7", "abc", "100"]
    seen = []
    for i in range(n):
        t += lookup(d, i % 100)
        t += parse(words[i % 5])
        t += guarded(i)
        t += nested(i)
        try:
            if i % 11 == 0:
                raise Miss(11)
            t += 1
        except Miss as e:
            t += e.code
        finally:
            t ^= 1
        try:
            t += d[i % 9]
        except KeyError as e:
            if len(seen) < 3:
                seen.append(repr(e))
    return t, seen


def frames_of(e):
    tb = e.__traceback__
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name + ":" + str(tb.tb_lineno))
        tb = tb.tb_next
    return out


def stops(n):
    # a loop left by an exception raised two calls down, on its last iteration
    total = 0
    for i in range(n):
        total += guarded(i) + deep(i + 1 if i < n - 1 else 6)
    return total


def always_raises(n):
    # every iteration raises in a subscript: the trace leaves there
    d = {}
    misses = 0
    for i in range(n):
        try:
            d[i]
        except KeyError:
            misses += 1
    return misses


print(run(3000))
try:
    print(stops(500))
except Miss as e:
    print("Miss", e.code, frames_of(e))
print(always_raises(2000))
