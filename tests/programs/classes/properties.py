class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(25)
print(t.celsius)
print(t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))

class Circle:
    def __init__(self, r):
        self.r = r
    def get_area(self):
        return round(3.14159 * self.r ** 2, 2)
    def set_area(self, a):
        self.r = (a / 3.14159) ** 0.5
    area = property(get_area, set_area, None, "the area")
c = Circle(2)
print(c.area)
c.area = 3.14159 * 9
print(round(c.r, 6), c.area)
print(Circle.area.__doc__, type(Circle.area).__name__)
class Lazy:
    @property
    def value(self):
        return 42
l = Lazy()
print(l.value)
try:
    del l.value
except AttributeError as e:
    print("AttributeError:", e)
