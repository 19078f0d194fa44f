# A namedtuple subclass that overrides _fields (platform.uname_result does):
# __new__ still takes the base's fields.
import collections
import platform


class R(collections.namedtuple("R_base", "a b")):
    _fields = ("a", "b", "c")

    @property
    def c(self):
        return self.a + self.b


r = R(1, 2)
print(r.a, r.b, r.c, R._fields)
try:
    R(1)
except TypeError as e:
    print(e)
try:
    R(1, 2, 3)
except TypeError as e:
    print(e)
u = platform.uname()
print(type(u).__name__, len(u._fields), isinstance(u.system, str))
