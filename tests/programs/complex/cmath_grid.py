# cmath's functions over a grid of finite and special parts, as CPython computes
# them (branch cuts with signed zeros, tiny and huge arguments, inf and nan)
import cmath
inf, nan = float("inf"), float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -3.7, 1e-310, 1e300, -1e300, 0.999999, 710.0, inf, -inf, nan]
names = ["sqrt", "exp", "log", "log10", "cos", "sin", "tan", "acos", "asin", "atan",
         "cosh", "sinh", "tanh", "acosh", "asinh", "atanh", "phase", "polar"]
for name in names:
    f = getattr(cmath, name)
    for x in vals:
        row = []
        for y in vals:
            try:
                row.append(repr(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(name, repr(x), " ".join(row))
for x in vals:
    row = []
    for y in vals:
        try:
            row.append(repr(cmath.rect(x, y)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print("rect", repr(x), " ".join(row))
