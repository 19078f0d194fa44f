class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
print(p)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"))
print(Point.__slots__)

class P3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = P3(1, 2, 3)
print(q.x, q.y, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)

class Loose(Point):
    pass
l = Loose(5, 6)
l.anything = "ok"
print(l.anything, l.__dict__)

class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print("AttributeError:", e)
class S:
    __slots__ = ["a"]
s = S()
try:
    print(s.a)
except AttributeError as e:
    print("AttributeError:", e)
s.a = 5
del s.a
print(hasattr(s, "a"))
