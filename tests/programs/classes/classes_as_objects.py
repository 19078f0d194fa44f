class Circle:
    def __init__(self, r): self.r = r
    def area(self): return 3 * self.r * self.r
class Square:
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s

registry = {"circle": Circle, "square": Square}
for name, arg in [("circle", 2), ("square", 3), ("circle", 1)]:
    shape = registry[name](arg)
    print(name, type(shape).__name__, shape.area())

def make(cls, *args):
    return cls(*args)
print(make(Square, 5).area())
print([c.__name__ for c in sorted(registry.values(), key=lambda c: c.__name__)])
classes = [int, str, float, list]
print([c("1") if c is not list else c("1") for c in classes])
factory = {True: Circle, False: Square}
print(type(factory[1 > 2](4)).__name__)
Alias = Circle
print(Alias is Circle, Alias.__name__, Alias(1).area())
class Meta:
    made = []
    def __init__(self):
        type(self).made.append(type(self).__name__)
class M1(Meta): made = []
class M2(Meta): pass
M1(); M1(); M2()
print(M1.made, M2.made, Meta.made)
print({cls: cls.__name__ for cls in (Circle, Square)}[Square])
def class_factory(n):
    class Dyn:
        num = n
        def get(self): return self.num
    Dyn.__name__ = f"Dyn{n}"
    return Dyn
ds = [class_factory(i) for i in range(3)]
print([d.__name__ for d in ds], [d().get() for d in ds])
