# cmath: constants, argument conversion, log with a base, predicates, isclose, errors
import cmath
import math
inf, nan = float("inf"), float("nan")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, type(cmath.infj).__name__)

class C:
    def __complex__(self):
        return 1 + 1j
class F:
    def __float__(self):
        return 0.25
class I:
    def __index__(self):
        return 4
print(cmath.sqrt(-1), cmath.sqrt(complex(-1, -0.0)), cmath.sqrt(4), cmath.sqrt(C()), cmath.sqrt(F()),
      cmath.sqrt(I()), cmath.sqrt(True), cmath.sqrt(2 ** 80))
print(cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.log(complex(-1, -0.0)), cmath.log(1j))
for x in [1, 2j, -8, 0.5 + 0.5j, 100, 1e-300, 0, -1, C()]:
    out = []
    for b in [2, 10, 1j, 0.5, -3, 1, 0, 1e300, F()]:
        try:
            out.append(repr(cmath.log(x, b)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print("log", repr(x) if not isinstance(x, C) else "C()", " ".join(out))
print(cmath.polar(1j), cmath.polar(-1), cmath.polar(3 + 4j), cmath.rect(2, cmath.pi / 2), cmath.rect(1, -0.0))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(1e-310j), cmath.phase(complex(-inf, inf)))
for z in [1, 1j, complex(inf, 0), complex(0, -inf), complex(nan, 1), complex(1, nan), complex(inf, nan)]:
    print(repr(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(0, 1e-10),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), 1),
      cmath.isclose(nan, nan), cmath.isclose(1j, 1j))

def attempt(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__ + ":", e)

for expr in ["cmath.sqrt('x')", "cmath.sqrt(None)", "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.log()",
             "cmath.log(1, 2, 3)", "cmath.log(1, 'x')", "cmath.log(0)", "cmath.log(1, 1)", "cmath.log10(0)",
             "cmath.exp(1000)", "cmath.exp(complex(0, inf))", "cmath.cosh(1000)", "cmath.sinh(complex(0, inf))",
             "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.atan(1j)", "cmath.acos(2)", "cmath.asin(2)",
             "cmath.rect(1)", "cmath.rect(1, 'x')", "cmath.rect(1, inf)", "cmath.rect(0, inf)",
             "cmath.phase(1e300 + 1e-200j)", "cmath.polar(complex(1e308, 1e308))",
             "cmath.isclose(1, 1, rel_tol=-1)", "cmath.isclose(1, 2, 3)", "cmath.isclose(1, 2, tol=3)",
             "cmath.sqrt(10 ** 400)", "cmath.tan(complex(0, 1000))", "cmath.tanh(1000)"]:
    attempt(expr)

# in a loop: roots of unity
def roots(n):
    return [cmath.rect(1, 2 * cmath.pi * k / n) for k in range(n)]
total = 0j
for k in range(1, 60):
    for r in roots(k):
        total += r ** k
print(round(total.real, 6), round(total.imag, 6))
