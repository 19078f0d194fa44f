class Shape:
    def __init__(self, name, **kw):
        self.name = name
        self.extra = kw
        super().__init__()
    def area(self):
        return 0
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area()})"

class Rect(Shape):
    def __init__(self, w, h, **kw):
        super().__init__(name=kw.pop("name", "rect"), **kw)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side, **kw):
        super().__init__(side, side, **kw)

class ColoredSquare(Square):
    def __init__(self, side, color):
        self.color = color
        super().__init__(side, name="csq", tag=color)

shapes = [Shape("blob"), Rect(2, 3), Square(4), ColoredSquare(2, "red")]
for s in shapes:
    print(s, s.extra)
cs = shapes[-1]
print(cs.color, cs.w, cs.h, cs.name)
print(sorted(vars(cs)))

class Mixin:
    def __init__(self, *a, **k):
        self.mixed = True
        super().__init__(*a, **k)
class Final(Mixin, Rect):
    pass
f = Final(5, 6)
print(f.mixed, f.area(), f)
print([c.__name__ for c in Final.__mro__])
