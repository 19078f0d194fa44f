# complex numbers as match patterns (value patterns with complex literals)
def kind(z):
    match z:
        case 0j:
            return "zero"
        case 1j | -1j:
            return "unit imaginary"
        case 3 + 4j:
            return "three-four"
        case -1 - 2j:
            return "minus one minus two"
        case complex(real=0.0, imag=im):
            return f"pure imaginary {im}"
        case complex(real=r, imag=0.0):
            return f"real {r}"
        case complex():
            return "complex"
        case _:
            return "not complex"
for z in [0j, 0, 1j, -1j, 3 + 4j, -1 - 2j, 2.5j, complex(7, 0), 1 + 1j, "x", 3.0 + 4j]:
    print(repr(z), kind(z))
