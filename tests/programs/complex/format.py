# format() and f-strings of complex numbers
inf, nan = float("inf"), float("nan")
specs = ["", "10", "<20", "^20", ">14", "+", " ", "-", ".2f", ".3e", "g", ".10g", "E", "G", "F",
         "*>30.2f", "#", "#.0f", "#g", ".0e", ",", "_.2f", ",.3f", "n", ".3", ".0", "+.1f", " g",
         "x^25.4", "+#.3g", "z.1f", "z"]
values = [1234.5678 - 2.5e-7j, 3j, complex(-0.0, -1), complex(inf, nan), complex(-0.0, 0.0),
          1e20 + 1e-20j, -2 - 0j, complex(0.0, -0.0), 1 + 1j, 1234567.0 + 7654321j, -0.001 + 0.004j]
for s in specs:
    out = []
    for v in values:
        try:
            out.append(repr(format(v, s)))
        except ValueError as e:
            out.append("ValueError(%s)" % e)
    print(repr(s), " ".join(out))
z = 1 + 2j
print(f"{z}|{z!r}|{z:>12}|{z:.1f}|{z * 1j:+}|{-z!s}|{z.real:.2f}|{abs(z):.5}")
print("%s %r" % (z, 2j), "{} {:^16.3}".format(z, z))
print(str(1e16j), repr(complex(1e16, 1)), str(complex(1, 1e-5)))
