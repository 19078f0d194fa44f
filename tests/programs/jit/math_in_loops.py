# math-module functions in hot loops, both as math.f(x) and after
# `from math import f`, plus ** on ints and floats, float % and //, and int shifts.
import math
from math import sqrt, sin, floor, atan2, hypot, log


def funcs(n):
    s = 0.0
    t = 0
    for i in range(1, n):
        x = i * 0.01
        s += math.sqrt(x) + sqrt(i) + math.exp(-x) + math.sin(x) + sin(i)
        s += math.cos(x) + math.tan(x * 0.1) + math.atan(x) + math.fabs(-x)
        s += math.log(x) + log(i, 2) + math.log2(i) + math.log10(x) + math.log1p(x)
        s += atan2(x, 1.5) + math.atan2(i, -3) + hypot(x, i) + math.hypot(3, 4)
        s += math.pow(x, 1.5) + math.copysign(x, -1) + math.fmod(i, 7.5)
        s += math.degrees(x) + math.radians(i) + math.tanh(x) + math.asinh(x)
        s += math.erf(x * 0.01) + math.cbrt(x)
        t += math.floor(x) + math.ceil(x) + math.trunc(-x) + floor(i)
        if math.isnan(x) or math.isinf(x) or not math.isfinite(x):
            t += 1000
    return s, t


print(funcs(3000))


def consts(n):
    s = 0.0
    for i in range(n):
        s += math.pi * i + math.e
    return s


print(consts(2000))


def powers(n):
    a = 0
    f = 0.0
    for i in range(n):
        a += i ** 2 + (i % 7) ** 3 + 2 ** (i % 20) + (-3) ** (i % 5)
        f += (i * 0.5) ** 2 + 2.0 ** (i % 30) + i ** 0.5 + (i + 1) ** -1
        f += (i * 0.75) % 2.5 + (-i * 0.5) % 3 + (i * 1.5) // 4 + i % 3.5
        a += (i << 3) + (i >> 2) + (-i >> 1) + (1 << (i % 40))
    return a, f


print(powers(3000))


def big_powers(n):
    # 2 ** 100 and 1 << 60 need big ints: the helper exits.
    out = []
    for i in range(n):
        out.append(2 ** (40 + i % 70))
        out.append(1 << (30 + i % 40))
        out.append(3 >> (i % 70))
    return sum(out) % 1000000007, len(out)


print(big_powers(1000))


def apply(f, vals, start):
    s = 0.0
    for i in range(start, len(vals)):
        s += f(vals, i)
    return s


def catching(f, vals):
    # f raises on some elements inside the compiled loop; resume after each.
    start = 0
    caught = []
    total = 0.0
    while start < len(vals):
        try:
            total += apply(f, vals, start)
            break
        except (ValueError, ZeroDivisionError, OverflowError) as e:
            caught.append(type(e).__name__)
            start = bad_index(f, vals, start) + 1
    return total, len(caught), sorted(set(caught))


def bad_index(f, vals, start):
    for i in range(start, len(vals)):
        try:
            f(vals, i)
        except (ValueError, ZeroDivisionError, OverflowError):
            return i
    return len(vals)


vals = [float(i % 400) - 1.0 for i in range(2000)]
print(catching(lambda v, i: math.sqrt(v[i]), vals))
print(catching(lambda v, i: math.log(v[i] + 1.0), vals))
print(catching(lambda v, i: (v[i] - 199.0) ** -1, vals))
print(catching(lambda v, i: v[i] % (v[i] - 299.0), vals))
print(catching(lambda v, i: math.exp(v[i] * 3), vals))
print(catching(lambda v, i: 10.0 ** v[i], vals))
print(catching(lambda v, i: 5 << (i % 120 - 10), vals))
print(catching(lambda v, i: math.floor(v[i] * 1e12), vals))
