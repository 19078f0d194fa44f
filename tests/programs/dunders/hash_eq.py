class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"

d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)], Point(3, 4) in d, Point(5, 5) in d)
d[Point(1, 2)] = "replaced"
print(len(d), d)
s = {Point(0, 0), Point(0, 0), Point(1, 0)}
print(len(s), Point(1, 0) in s)

class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)

class Plain: pass
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
class Const:
    def __hash__(self): return 7
    def __eq__(self, o): return isinstance(o, Const)
print(hash(Const()), len({Const(), Const(), Const()}))
class Sub(Point):
    pass
print(Sub(1, 2) in d, hash(Sub(1, 2)) == hash(Point(1, 2)))
print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b", True: "c"})
