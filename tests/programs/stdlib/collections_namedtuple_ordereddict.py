from collections import namedtuple, OrderedDict
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1])
print(p._fields, Point._fields)
print(p._asdict())
q = p._replace(y=10)
print(q, p)
x, y = p
print(x + y, len(p), p == (1, 2), isinstance(p, tuple))
print(Point._make([5, 6]))
Person = namedtuple("Person", "name age city", defaults=["Nowhere"])
print(Person("Ann", 30), Person("Bob", 5, "Rome"))
print(Person._field_defaults)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(type(p).__name__, Point.__name__)
class P3(namedtuple("P3", "a b c")):
    def total(self):
        return self.a + self.b + self.c
print(P3(1, 2, 3).total(), P3(1, 2, 3))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict([("x", 1), ("y", 2)])
o2 = OrderedDict([("y", 2), ("x", 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {"y": 2, "x": 1})
