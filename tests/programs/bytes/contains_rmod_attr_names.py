# `in` on bytes with an int too big for a word (ValueError like 300), bytes'
# __rmod__ (NotImplemented for a non-bytes left operand), and attribute names
# given as instances of a str subclass.
import sys


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


b = b"abc"
for x in [sys.maxsize + 1, 2**100, 300, -1, 97, None, 97.0]:
    t(lambda: x in b)
    t(lambda: x in bytearray(b))
t(lambda: b.__rmod__("%r"))
t(lambda: bytearray(b"x").__rmod__("%r"))
t(lambda: b.__rmod__(b"<%s>"))
t(lambda: object() % b)


class S(str):
    pass


class A:
    pass


o = A()
setattr(o, S("x"), 1)
print(getattr(o, S("x")), hasattr(o, S("x")), getattr(1, S("real")), sorted(vars(o)))
delattr(o, S("x"))
print(hasattr(o, "x"))
