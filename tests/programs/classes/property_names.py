"""Messages of a property without a setter or deleter: named by the class
statement (`__set_name__`), by an explicit `__set_name__`, or never named."""


class C:
    p = property(lambda s: 1)

    @property
    def r(self):
        return 2

    @r.setter
    def r(self, v):
        pass


C.q = property(lambda s: 2)
named_late = property(lambda s: 3)
named_late.__set_name__(C, "zz")
C.z = named_late
c = C()
for n in ("p", "q", "z", "r"):
    try:
        setattr(c, n, 1)
        print("set", n)
    except AttributeError as e:
        print(e)
    try:
        delattr(c, n)
    except AttributeError as e:
        print(e)
print(C.p.getter(lambda s: 5).__get__(c))
try:
    C.p.getter(lambda s: 5).__set_name__
    print("has __set_name__")
except AttributeError as e:
    print(e)
