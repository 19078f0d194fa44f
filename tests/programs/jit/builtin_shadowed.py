# Builtins and math functions rebound while a compiled loop calls them: a global
# that shadows a builtin, math.sqrt reassigned, a math constant reassigned, and a
# name from `from math import` rebound.
import math
from math import sqrt


def use_abs(n):
    s = 0
    for i in range(n):
        s += abs(i - 50)
    return s


print(use_abs(2000))
abs = lambda x: 1000
print(use_abs(2000))
del abs
print(use_abs(2000))


def shadow_mid_loop(n):
    global min
    s = 0
    for i in range(n):
        if i == n // 2:
            min = lambda a, b: -1
        s += min(i, 7)
    del min
    return s


print(shadow_mid_loop(3000))


def rebind_math(n):
    s = 0.0
    for i in range(n):
        if i == n // 2:
            math.sqrt = math.cos
        s += math.sqrt(i)
    return s


real_sqrt = math.sqrt
print(rebind_math(3000))
math.sqrt = real_sqrt


def rebind_from_import(n):
    global sqrt
    s = 0.0
    for i in range(n):
        if i == 2000:
            sqrt = lambda x: 0.5
        s += sqrt(i)
    return s


print(rebind_from_import(3000))


def module_attr_rebound(n):
    s = 0.0
    for i in range(n):
        if i == 1500:
            math.pi = 3
        s += math.pi
    return s


real_pi = math.pi
print(module_attr_rebound(3000))
math.pi = real_pi


def sorted_in_loop(n):
    # Builtins the JIT does not record (sorted of floats) are residual calls
    # naming the callee; output unchanged.
    s = 0
    lst = [3, 1.5, 2]
    for i in range(n):
        s += sorted(lst)[0] + round(i * 0.5)
    return s


print(sorted_in_loop(1000))
