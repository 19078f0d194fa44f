class Meters:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"{self.v}m"
    def __add__(self, o):
        print("Meters.__add__", type(o).__name__)
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        return NotImplemented
    def __eq__(self, o):
        print("Meters.__eq__", type(o).__name__)
        if isinstance(o, Meters):
            return self.v == o.v
        return NotImplemented

class Feet:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"{self.v}ft"
    def __radd__(self, o):
        print("Feet.__radd__", type(o).__name__)
        if isinstance(o, Meters):
            return Meters(o.v + self.v * 0.3)
        return NotImplemented
    def __eq__(self, o):
        print("Feet.__eq__", type(o).__name__)
        return NotImplemented

print(Meters(1) + Meters(2))
print(Meters(1) + Feet(10))
try:
    Meters(1) + 5
except TypeError as e:
    print("TypeError:", e)
try:
    5 + Feet(1)
except TypeError as e:
    print("TypeError:", e)
print(Meters(1) == Feet(1))
print(Meters(2) == Meters(2))
print(Feet(1) == Feet(1))
print(Meters(1) != 3)
print(NotImplemented, type(NotImplemented).__name__)

class Base:
    def __lt__(self, o):
        print("Base.__lt__")
        return NotImplemented
class Derived(Base):
    def __gt__(self, o):
        print("Derived.__gt__")
        return True
print(Base() < Derived())
try:
    Base() < Base()
except TypeError as e:
    print("TypeError:", e)
