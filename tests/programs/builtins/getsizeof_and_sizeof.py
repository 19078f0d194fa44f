# sys.getsizeof and __sizeof__: the numbers are each implementation's own,
# so this checks what holds in both: bigger containers report more, a class's
# own __sizeof__ gets CPython's pre-header added, and the errors and the
# default argument behave alike.
import sys

small, big = [], list(range(1000))
print(sys.getsizeof(big) > sys.getsizeof(small) + 1000)
print(sys.getsizeof(tuple(range(100))) > sys.getsizeof(()))
print(sys.getsizeof("x" * 10000) > sys.getsizeof("x") + 9000)
print(sys.getsizeof(b"y" * 10000) > sys.getsizeof(b"y") + 9000)
print(sys.getsizeof({i: i for i in range(1000)}) > sys.getsizeof({}))
print(sys.getsizeof(set(range(1000))) > sys.getsizeof(set()))
print(sys.getsizeof(2 ** 10000) > sys.getsizeof(2 ** 100))
print(sys.getsizeof(bytearray(5000)) > 5000)
print(all(sys.getsizeof(x) > 0 for x in (0, 1.5, None, True, object(), "", [], {}, sys)))
print(sys.getsizeof(big) == big.__sizeof__() or sys.getsizeof(big) > big.__sizeof__())
print(type(object().__sizeof__()) is int)


class Five:
    def __sizeof__(self):
        return 5


class Slotted:
    __slots__ = ()

    def __sizeof__(self):
        return 5


for base in (object, int, float, str, tuple, bytes, list, dict, set, Exception):
    with_dict = type("D", (base,), {"__sizeof__": lambda self: 5})
    slotted = type("S", (base,), {"__sizeof__": lambda self: 5, "__slots__": ()})
    print(base.__name__, sys.getsizeof(with_dict()), sys.getsizeof(slotted()))
print(sys.getsizeof(Five()), sys.getsizeof(Slotted()))


def report(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


for result in (-1, "x", 5.0, 2 ** 70, True):
    cls = type("R", (), {"__sizeof__": lambda self, r=result: r})
    report(lambda: sys.getsizeof(cls()))
    report(lambda: sys.getsizeof(cls(), "default"))


class Raises:
    def __sizeof__(self):
        raise TypeError("no size")


class RaisesOther:
    def __sizeof__(self):
        raise KeyError("size")


report(lambda: sys.getsizeof(Raises()))
report(lambda: sys.getsizeof(Raises(), None))
report(lambda: sys.getsizeof(RaisesOther(), None))
report(lambda: sys.getsizeof())
report(lambda: sys.getsizeof(1, 2, 3))
report(lambda: sys.getsizeof(object=1) > 0)
report(lambda: object.__sizeof__())
report(lambda: object().__sizeof__(1))
