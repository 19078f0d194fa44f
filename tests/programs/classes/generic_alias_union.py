# list[int] and int | None: types.GenericAlias and types.UnionType; metaclass __getitem__, __instancecheck__, __subclasscheck__.
import sys
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]))
print(a([1, 2]), type(a).__name__, type(a).__module__)
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList([3]))
u = int | None
print(u, u.__args__, int | str | int, (int | str) == (str | int), type(u).__name__)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(int | list[int])
try:
    int[3]
except TypeError as e:
    print(e)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
class Meta(type):
    def __getitem__(cls, k):
        return f"meta {k}"
    def __instancecheck__(cls, inst):
        return inst == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class X(metaclass=Meta):
    pass
print(X["k"], isinstance("magic", X), isinstance(X(), X), isinstance(3, X), issubclass(int, X), issubclass(X, X))
try:
    3 | int
except TypeError as e:
    print(e)
print(list[int] | None)
