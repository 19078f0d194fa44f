# complex literals, repr/str (signed zeros, inf, nan), attributes, bool, hash
inf, nan = float("inf"), float("nan")
values = [1j, 2j, 0j, -0j, 1.5j, 1e16j, 1e-7j, 123456789012345678j, 1 + 2j, 1 - 2j, -1 - 2j,
          3.25 + 0j, -(0j), -0.0 - 0j, complex(-0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -0.0),
          complex(inf, nan), complex(nan, inf), complex(-inf, -inf), complex(0, nan),
          complex(1, -nan), complex(1e300, 1e-300), complex(2.5, 1e22), 10j ** 2]
for z in values:
    print(repr(z), str(z), z.real, z.imag, bool(z), type(z).__name__)

# hash agrees with equal ints and floats
for z in [0j, 1 + 0j, -1 + 0j, 2.5 + 0j, 1.5 + 2j, complex(-0.5, -1), complex(1e300, 1e300), 1j, -1j]:
    print(repr(z), hash(z))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(inf, 0)) == hash(inf))
d = {1: "int", 2.5: "float"}
print(d[1 + 0j], d[2.5 + 0j], {1j: 1, complex(0, 1): 2}, 1j in {1j}, 2 + 0j in {2})

# equality with ints, floats, complexes; never with other types
print(1 + 0j == 1, 1 == 1 + 0j, 1.5 == 1.5 + 0j, 1 + 1j == 1, 1 + 0j == True,
      (1 + 2j) == complex(1, 2), 1j != 1j, 1j == "1j", 1j != None, 2 ** 60 + 0j == 2 ** 60,
      complex(2 ** 53 + 1) == 2 ** 53 + 1, complex(nan, 0) == complex(nan, 0))

# methods and attributes
z = 3 - 4j
print(z.conjugate(), z.__complex__(), abs(z), -z, +z, z.real.__class__.__name__, (5).imag,
      (5).real, (2.5).imag, True.imag)
print(complex.__new__(complex, 1, 2), complex.conjugate(1j), (1j).__getnewargs__())
print(isinstance(1j, complex), issubclass(complex, object), type(1j) is complex)
print(sorted([3j, 1j, 2j], key=abs), sum([1j, 2, 3.5]), max([1 + 1j, 3 + 4j], key=abs))

# complex is immutable: copies are the value itself
import copy
z = 2 + 3j
print(copy.copy(z), copy.deepcopy([z, 1j]), copy.copy(z) is z)
