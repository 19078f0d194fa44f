# copy.copy/deepcopy follow a class's own __reduce__/__reduce_ex__, __getstate__,
# __setstate__ and __getnewargs__, as CPython's copy module does.
import collections
import copy


class R:
    def __init__(self, v):
        self.v = v
        self.shared = [v]

    def __reduce__(self):
        return (R, (self.v * 2,), {"extra": self.shared})


class RX:
    def __reduce_ex__(self, proto):
        return "RX_GLOBAL"


class G:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {"a": 42}


class S:
    def __init__(self):
        self.a = 1

    def __setstate__(self, st):
        self.a = st["a"] + 100


class Empty:
    def __setstate__(self, st):
        print("not called for an empty __dict__")


class T(tuple):
    pass


NT = collections.namedtuple("NT", "x y")

r = R(3)
for f in (copy.copy, copy.deepcopy):
    c = f(r)
    print(f.__name__, type(c).__name__, c.v, c.extra, c.extra is r.shared)
rx = RX()
print(copy.copy(rx) is rx, copy.deepcopy(rx) is rx)
print(copy.copy(G()).a, copy.deepcopy(G()).a, copy.copy(S()).a, copy.deepcopy(S()).a)
copy.copy(Empty())
copy.deepcopy(Empty())
t = T((1, [2]))
for f in (copy.copy, copy.deepcopy):
    c = f(t)
    print(type(c).__name__, c, c[1] is t[1])
nt = NT(1, [2])
for f in (copy.copy, copy.deepcopy):
    c = f(nt)
    print(c, c.y is nt.y)
e = KeyError("k")
e.note = [1]
c = copy.deepcopy(e)
print(repr(c), c.note, c.note is e.note)
