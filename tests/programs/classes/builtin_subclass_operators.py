# An operator a built-in subclass overrides gets both operands as they are
# (not the other's payload); a class's __name__ is type's even when the class
# defines a __name__ property for its instances
class S(str):
    def __add__(self, o): return ("S+", o)
class L(list):
    def __mul__(self, n): return ("L*", n)
class I(int):
    def __radd__(self, o): return ("I.radd", o)
class F(float): pass
print(S("a") + "b", "b" + S("a"), L([1]) * 2, 2 * L([1]), 1 + I(2), I(2) + 1, F(1.5) + 1, type(F(1.5) + 1).__name__)
print(I(3) * 2, type(I(3) * 2).__name__, S("x") * 2, type(L([1]) + [2]).__name__)


class NamedInt(int):
    def __new__(cls, *args):
        name, *args = args
        self = int.__new__(cls, *args)
        self._intname = name
        return self

    @property
    def __name__(self):
        return self._intname

    def __repr__(self):
        return "{}({!r}, {})".format(type(self).__name__, self.__name__, int.__repr__(self))

    def __add__(self, other):
        temp = int(self) + int(other)
        if isinstance(self, NamedInt) and isinstance(other, NamedInt):
            return NamedInt("({} + {})".format(self.__name__, other.__name__), temp)
        return temp


x, y = NamedInt("x", 1), NamedInt("y", 2)
print(repr(x + y), x + 5, NamedInt.__name__)


class Renamed:
    pass


Renamed.__name__ = "Other"
print(Renamed.__name__)
