class Box:
    pass

b = Box()
b.width = 3
b.height = 4
print(b.__dict__)
print(b.width * b.height)
Box.depth = 10
print(b.depth, Box().depth)
def volume(self):
    return self.width * self.height * self.depth
Box.volume = volume
print(b.volume())
setattr(b, "color", "red")
print(getattr(b, "color"), getattr(b, "missing", None))
print(hasattr(b, "color"), hasattr(b, "missing"))
delattr(b, "color")
print(hasattr(b, "color"))
try:
    b.missing
except AttributeError as e:
    print("AttributeError:", e)

class Greeter:
    def hello(self):
        return "hello"
g = Greeter()
print(g.hello())
Greeter.hello = lambda self: "HELLO"
print(g.hello())
g.hello = lambda: "instance-level"
print(g.hello(), Greeter().hello())
del g.hello
print(g.hello())
for name in ["a", "b", "c"]:
    setattr(Box, "get_" + name, (lambda n: lambda self: n.upper())(name))
print(b.get_a(), b.get_c())
print(sorted(k for k in vars(Box) if not k.startswith("__")))
NewCls = type("NewCls", (Box,), {"flag": True, "f": lambda self: "f!"})
n = NewCls()
print(NewCls.__name__, n.flag, n.f(), n.depth, isinstance(n, Box))
