# arithmetic of complex with int, float and complex, as CPython computes it
inf = float("inf")
xs = [1 + 2j, -3.5 + 0.25j, 2, -1.5, 0.5j, complex(-0.0, 0.0), 3, True, 2 ** 70]
for a in xs:
    for b in xs:
        row = []
        for op in ("+", "-", "*", "/"):
            try:
                r = eval("a %s b" % op)
            except ZeroDivisionError as e:
                r = "ZeroDivisionError(%s)" % e
            row.append(repr(r))
        print(repr(a), repr(b), " ".join(row))

# powers: small integral exponents by repeated multiplication, others by polar form
for base in [1j, 1 + 2j, -2 + 0j, 0.5 - 0.5j, 2, -8, 10]:
    for e in [0, 1, 2, 3, -1, -3, 0.5, 1j, 2 + 3j, 101, -101, 1 / 3]:
        try:
            print(repr(base), repr(e), repr(base ** e))
        except Exception as ex:
            print(repr(base), repr(e), type(ex).__name__, ex)
print((-8) ** (1 / 3), (-2.0) ** 0.5, pow(-4, 0.5), (-1) ** 0.25)
print((1e300 + 1e300j) ** 2, 1j ** 1e300)

# division details: dividing by a tiny or huge denominator, and signed zeros
print((1 + 1j) / (1e-300 + 1e-300j), (1e300 + 1e300j) / (1e300 - 1e300j), 1 / (0.0 + 1j),
      (-0.0 + 0j) / (1 + 1j), 0j / -1, 1j / -2)

# in-place operators and mixed types
z = 1 + 1j
z += 1
z *= 2j
z -= 0.5
z /= 2
z **= 2
print(z)

# abs: hypot, infinities over NaNs
print(abs(3 + 4j), abs(-0j), abs(complex(inf, float("nan"))), abs(complex(float("nan"), -inf)),
      abs(complex(1e308, 1e308)), abs(complex(1e-320, 1e-320)))

# a hot loop: the JIT runs complex arithmetic as residual calls
def mandel(c, limit):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit

rows = []
for y in range(-6, 7):
    rows.append("".join("#" if mandel(complex(x / 10, y / 5), 40) == 40 else "." for x in range(-20, 6)))
print("\n".join(rows))

def poly(n):
    acc = 0j
    w = complex(0.6, 0.8)
    p = 1 + 0j
    for k in range(n):
        acc += p * k
        p *= w
        if k % 3 == 0:
            acc -= 1j
        acc = acc / (1 + 0.001j)
    return acc
print(poly(500))
