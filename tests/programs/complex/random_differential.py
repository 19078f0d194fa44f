# cmath functions and complex arithmetic on random operands of every magnitude
# (subnormal, near 1, huge), compared with CPython to the last bit
import cmath, random
random.seed(12345)
names = ["sqrt", "exp", "log", "log10", "cos", "sin", "tan", "acos", "asin", "atan", "cosh", "sinh", "tanh", "acosh", "asinh", "atanh", "phase", "polar"]
def rnd():
    k = random.random()
    if k < 0.2: return random.uniform(-2, 2)
    if k < 0.3: return random.choice([0.0, -0.0, 1.0, -1.0])
    if k < 0.5: return random.uniform(-1, 1) * 10 ** random.randint(-320, 308)
    if k < 0.7: return 1.0 + random.uniform(-1e-8, 1e-8)
    return random.uniform(-1000, 1000)
out = []
for _ in range(300):
    z = complex(rnd(), rnd())
    for n in names:
        try:
            r = getattr(cmath, n)(z)
        except Exception as e:
            r = type(e).__name__
        out.append(repr(r))
    w = complex(rnd(), rnd())
    for expr in ("z * w", "z / w", "z + w", "z ** w", "z ** 2", "z ** -3", "abs(z)", "hash(z)"):
        try:
            r = eval(expr)
        except Exception as e:
            r = type(e).__name__
        out.append(repr(r))
print("\n".join(out))
