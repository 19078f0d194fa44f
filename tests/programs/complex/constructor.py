# complex(): numbers, strings, keywords, complex arguments, __complex__, errors
class WithComplex:
    def __complex__(self):
        return 2 - 3j

class WithFloat:
    def __float__(self):
        return 1.25

class WithIndex:
    def __index__(self):
        return 7

class BadComplex:
    def __complex__(self):
        return 5

class MyComplex(complex):
    pass

cases = [
    "complex()", "complex(1)", "complex(1.5)", "complex(True)", "complex(1, 2)", "complex(1.5, -2.5)",
    "complex(real=1)", "complex(imag=2)", "complex(real=1, imag=2)", "complex(1, imag=-0.0)",
    "complex(1j)", "complex(1j, 1j)", "complex(1 + 2j, 3 + 4j)", "complex(2, 1j)", "complex(1j, 2)",
    "complex(-0.0, -0.0)", "complex(0.0, -0.0)", "complex(-0.0)",
    "complex(WithComplex())", "complex(WithFloat())", "complex(WithIndex())", "complex(WithFloat(), WithIndex())",
    "complex('1')", "complex('1.5')", "complex('1j')", "complex('-j')", "complex('+J')", "complex('j')",
    "complex('1+2j')", "complex('1-2J')", "complex(' (3-4j) ')", "complex('(j)')", "complex('1e5')",
    "complex('-1.5e-3+2E+2j')", "complex('inf')", "complex('-infj')", "complex('nan+nanj')",
    "complex('infinity-infinityj')", "complex('1_000+2_0j')", "complex('1-j')", "complex('.5j')",
    "complex('5.j')", "complex('1e500j')", "complex('  12  ')",
    "complex('')", "complex('1+')", "complex('1 + 2j')", "complex('(1+2j')", "complex('1+2j)')",
    "complex('j1')", "complex('1jj')", "complex('1__0')", "complex('_1')", "complex('1_')",
    "complex('1e')", "complex('--1')", "complex('abc')", "complex('1+2i')",
    "complex('1', 2)", "complex(1, '2')", "complex([])", "complex(1, [])", "complex(None)",
    "complex(1, 2, 3)", "complex(1, real=2)", "complex(2, 3, imag=4)", "complex(x=1)",
    "complex(BadComplex())", "complex(10 ** 400)", "complex(1, 10 ** 400)",
    "MyComplex(1, 2)", "type(MyComplex(1, 2)).__name__", "MyComplex(1, 2) + 1",
    "type(MyComplex(1, 2) + 1).__name__", "isinstance(MyComplex(), complex)",
]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "!!", type(e).__name__ + ":", e)
