# A module's builtin function stored on a class is not bound to instances
# (it has no __get__), unlike a Python function or a built-in type's method
import functools
import math


class T:
    isclose = math.isclose
    length = len
    key = functools.cmp_to_key

    def __len__(self):
        return 3


t = T()
print(t.isclose(1.0, 1.0 + 1e-12), T.isclose(1.0, 2.0))
print(t.length("abcd"), t.length(t))
print(sorted([3, 1, 2], key=t.key(lambda a, b: b - a)))
print(type(T.__dict__["isclose"]).__name__, t.isclose is math.isclose, t.length is len)


class U:
    __index__ = functools.partial(lambda: 5)


print([10, 20, 30, 40, 50, 60][U()])
