import math
print(math.pi, math.e)
print(math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.trunc(-3.9), math.trunc(3.9))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isfinite(1.0), math.isfinite(math.nan))
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(17, 13), math.gcd(-12, 8))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.comb(10, 3), math.comb(5, 0), math.perm(5, 2), math.perm(5))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.fabs(-4), math.fabs(2.5))
print(math.pow(2, 10), math.pow(2, 0.5), 2 ** 0.5)
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.hypot(3, 4), math.hypot(5, 12))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.nan == math.nan, math.inf > 1e308, math.inf - math.inf)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
