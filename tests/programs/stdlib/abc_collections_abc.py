# abc.ABC/abstractmethod and collections.abc: registration, subclass hooks, mixins.
import abc
from collections.abc import (Sequence, Mapping, MutableMapping, Iterable, Iterator,
                             Sized, Hashable, Callable, Set)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Square(3).describe(), isinstance(Square(1), Shape), Shape.__abstractmethods__)


class Registered:
    pass


Shape.register(Registered)
print(isinstance(Registered(), Shape), issubclass(Registered, Shape))
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((), Hashable))
print(isinstance(iter([]), Iterator), isinstance(len, Callable), issubclass(dict, Iterable))
print(isinstance(3, Sized), isinstance(frozenset(), Set), isinstance("", Sequence))


class Store(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


s = Store()
s["a"] = 1
s.update(b=2, c=3)
print(sorted(s.items()), s.get("z", 0), "b" in s, s.pop("a"), len(s), s.setdefault("q", 9))


class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

    def __len__(self):
        return 3


q = Seq()
print(list(q), q.index(20), q.count(10), 20 in q, list(reversed(q)))


class Duck:
    def __iter__(self):
        return iter([])


print(isinstance(Duck(), Iterable), abc.get_cache_token() is not None)
