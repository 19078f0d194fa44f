# Builtin calls inside hot loops: abs, min, max, int, float, isinstance on ints,
# floats and bools, including results that leave the inline int range (big ints),
# equal elements (min/max return the first), NaN, and argument types that change.
import math

nan = float("nan")


def sums(n):
    a = 0
    f = 0.0
    for i in range(n):
        x = i - n // 2
        y = x * 0.25
        a += abs(x) + min(x, 3) + max(x, -2, 5) + int(y) + int(x)
        f += abs(y) + min(y, 1) + max(y, x) + float(x) + float(y)
    return a, f


print(sums(3000))


def firsts(n):
    # min/max of equal values return the first: 1 vs 1.0, True vs 1, 0.0 vs -0.0.
    c = 0
    for i in range(n):
        a = min(1, 1.0)
        b = max(1.0, 1)
        c2 = min(True, 1)
        d = max(1, True)
        e = min(0.0, -0.0)
        f = max(-0.0, 0.0)
        c += 1
    return c, (a, b, c2, d, e, f)


k, r = firsts(500)
print(r, k, [type(v).__name__ for v in r])


def nans(n):
    c = 0
    m = M = 0.0
    for i in range(n):
        v = nan if i % 7 == 0 else i * 1.0
        m = min(v, 3.0)
        M = max(3.0, v)
        if m != m:
            c += 1
    return c, m, M, min(nan, 1.0), max(1.0, nan)


print(nans(2000))


def bools(n):
    t = 0
    for i in range(n):
        b = i % 3 == 0
        t += abs(b) + int(b) + int(max(b, 0)) + int(min(b, 1))
        t += int(float(b))
    return t


print(bools(1500))


def overflow(n):
    # abs(-2**47) and int(huge float) need big ints: the helper exits and the
    # interpreter makes them.
    out = []
    small = -(2 ** 47) + 3
    for i in range(n):
        v = small - (i % 5)
        out.append(abs(v))
        out.append(int(1e14 * (i % 4 + 1)))
    return sum(out), out[-4:]


print(overflow(1000))


def mixed_types(n):
    s = 0.0
    for i in range(n):
        v = i if i < n // 2 else i + 0.5
        s += abs(v) + max(v, 10) + float(v) + int(v)
    return s


print(mixed_types(3000))


class A:
    pass


class B(A):
    pass


def instances(n):
    objs = [A(), B(), 3, 2.5, "s", True]
    kinds = (int, float)
    c = [0, 0, 0, 0]
    for i in range(n):
        o = objs[i % 6]
        if isinstance(o, A):
            c[0] += 1
        if isinstance(o, B):
            c[1] += 1
        if isinstance(o, kinds):
            c[2] += 1
        if isinstance(o, int):
            c[3] += 1
    return c


print(instances(3000))


def flip(n):
    # isinstance result flips mid-loop.
    c = 0
    for i in range(n):
        v = i if i < 1000 else float(i)
        if isinstance(v, int):
            c += 1
        else:
            c -= 1
    return c


print(flip(3000))


def to_ints(vals, start):
    # int(nan) and int(inf) raise inside the compiled loop.
    t = 0
    for i in range(start, len(vals)):
        t += int(vals[i])
    return t


def errors():
    vals = [i * 1.5 for i in range(3000)]
    vals[1500] = nan
    vals[2500] = math.inf
    start = 0
    caught = []
    total = 0
    while True:
        try:
            total += to_ints(vals, start)
            return total, caught
        except (ValueError, OverflowError) as e:
            caught.append(type(e).__name__)
            start = 1501 if start == 0 else 2501


print(errors())
