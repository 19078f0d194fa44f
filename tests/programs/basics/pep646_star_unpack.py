# PEP 646 (3.11 grammar): `*args: *Ts` annotations and `*` inside subscripts.
def f(*args: *tuple[int, ...]):
    return args

print(f.__annotations__)
print(repr(f.__annotations__["args"]), f.__annotations__["args"].__unpacked__)
print(tuple[int, str].__unpacked__)
print(list(tuple[int, str]))
print(tuple[int, str] == next(iter(tuple[int, str])))

T = (int, str)
print(tuple[*T])
d = {}
d[*T] = 1
d[1, *T] = 2
print(d)


class A:
    def __class_getitem__(cls, k):
        return k


print(A[*T], A[*T, int])

from typing import TypeVarTuple, Generic

Ts = TypeVarTuple("Ts")


def g(*a: *Ts):
    pass


print(g.__annotations__)


class Arr(Generic[*Ts]):
    pass


print(Arr[int, str])


def bad(*a: *int):
    pass
