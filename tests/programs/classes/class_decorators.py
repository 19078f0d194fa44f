def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def register(registry):
    def deco(cls):
        registry.append(cls.__name__)
        return cls
    return deco

REG = []

@add_repr
@register(REG)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

@register(REG)
@add_repr
class Person:
    def __init__(self, name):
        self.name = name

print(Point(1, 2), Person("Ann"))
print([Point(0, 0), Person("x")])
print(REG)

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        self.v = v
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v, type(Config).__name__)

def with_counter(cls):
    orig = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@with_counter
class Item:
    def __init__(self, n):
        self.n = n
items = [Item(i) for i in range(4)]
print(Item.instances, items[2].n)
