# type(): __qualname__ must be a str, __name__/__qualname__ assignments take only
# strs, built-in bases with different layouts do not combine; a bound method of
# any callable is shown by its __qualname__, else __name__, else '?'.
import types

for make in [lambda: type("A", (), {"__qualname__": b"B"}),
             lambda: type("A", (int, str), {}),
             lambda: type("A", (list, dict), {})]:
    try:
        make()
    except TypeError as e:
        print("TypeError", e)


class B:
    pass


print(type("C", (B, int), {}).__mro__[1:])
print(type("D", (ValueError, TypeError), {}).__name__, type("E", (B, int), {}).__name__)
A = type("A", (), {"__qualname__": "X.Y"})
print(A.__qualname__, A.__name__)
for attr, val in [("__qualname__", b"B"), ("__name__", 5)]:
    try:
        setattr(A, attr, val)
    except TypeError as e:
        print("TypeError", e)
A.__qualname__ = "D.E"
print(A.__qualname__, A.__name__)


class MyCallable:
    def __call__(self, arg):
        pass


func = MyCallable()
method = types.MethodType(func, 7)
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qualname"
print(repr(method))
func.__qualname__ = 5
print(repr(method))


class Nasty(str):
    pass


C = type("C", (), {"__qualname__": Nasty("Q.C")})
C.__name__ = Nasty("abc")
print(C.__name__, type(C.__name__).__name__, C.__qualname__)
