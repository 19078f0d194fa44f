class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(MyDate.epoch(), type(MyDate.epoch()).__name__)
print(Date.is_leap(2000), Date.is_leap(1900), Date.is_leap(2024))
d = Date(2020, 5, 17)
print(d.is_leap(2023), d.from_string("2001-01-01"))
print(MyDate(1, 2, 3).epoch())

class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
    @staticmethod
    def helper(a, b):
        return a * b
print(Registry.add("a"), Registry.add("b"), Registry.items)
print(Registry.helper(6, 7), Registry().helper(2, 3))
print(type(Registry.__dict__["add"]).__name__, type(Registry.__dict__["helper"]).__name__)
class Sub(Registry):
    items = []
print(Sub.add("z"), Sub.items, Registry.items)
def plain(x): return x * 2
class P:
    f = staticmethod(plain)
    g = classmethod(lambda cls: cls.__name__)
print(P.f(4), P().f(5), P.g(), P().g())
