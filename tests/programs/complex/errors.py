# the TypeErrors, ZeroDivisionErrors and ValueErrors of complex numbers
cases = [
    "1j < 2", "1j <= 1j", "2 > 1j", "1j >= 1.5", "sorted([1j, 2j])", "max(1j, 2j)",
    "1j // 2", "1j % 2", "2 // 1j", "divmod(1j, 1)", "1j << 1", "1j & 1", "~1j",
    "int(1j)", "float(1j)", "round(1j)", "math.floor(1j)", "math.sqrt(1j)",
    "1j / 0", "1 / 0j", "(1+1j) / 0.0", "0j ** -1", "0j ** 1j", "0j ** (-1 + 0j)", "0j ** 0", "0j ** 2",
    "pow(1j, 2, 3)", "pow(2, 1j, 3)", "abs(complex(1e308, 1e308) * 2)",
    "(1e200 + 1e200j) ** 3", "complex(1e300, 1) ** 1.5", "10j ** 400", "2 ** (1e4 + 1j)",
    "1j + 'a'", "'a' * 1j", "[1] * 1j", "hash(complex(float('nan'), 0)) is not None",
    "(1j).__lt__(2j)", "(1j).__eq__('x')", "(1j).__add__('x')", "complex.__add__(1, 1j)",
    "format(1j, 'd')", "format(1j, '010')", "format(1j, '=10')", "format(1j, '%')", "format(1j, 's')",
    "format(1j, '0<8')", "format(1j, ',d')",
]
import math
for c in cases:
    try:
        r = repr(eval(c))
        print(c, "->", r)
    except Exception as e:
        print(c, "!!", type(e).__name__ + ":", e)

# read-only attributes of built-in numbers
for stmt in ["(1j).real = 1", "del (1j).imag", "(1j).foo = 1", "(5).real = 1", "del (5).imag",
             "(2.5).imag = 1", "True.real = 0"]:
    try:
        exec(stmt)
    except AttributeError as e:
        print(stmt, "!!", e)

# an uncaught one ends the program
print(1 + 2j < 3)
