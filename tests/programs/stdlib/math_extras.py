import math
print(math.tau, math.isqrt(17), math.isqrt(10 ** 20), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.modf(3.75), math.modf(-2.5), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3)
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5))
print(math.expm1(1e-10), math.log1p(1e-10))
print(math.dist([0, 0], [3, 4]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 11)))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.remainder(10, 3))
print(math.nextafter(1.0, 2.0) > 1.0, math.ulp(1.0))
