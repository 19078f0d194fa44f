class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"no attribute {name!r}")

d = Dyn()
print(d.real, d.get_foo(), d.get_bar())
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(d, "get_x"), hasattr(d, "zzz"), getattr(d, "zzz", "dflt"))

class Logged:
    def __setattr__(self, name, value):
        print(f"set {name}={value!r}")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print(f"del {name}")
        super().__delattr__(name)

l = Logged()
l.x = 5
l.y = [1]
l.x += 1
print(l.x, l.__dict__)
del l.y
print(l.__dict__)

class ReadOnly:
    def __init__(self, **kw):
        object.__setattr__(self, "_data", dict(kw))
    def __getattr__(self, n):
        try:
            return self._data[n]
        except KeyError:
            raise AttributeError(n) from None
    def __setattr__(self, n, v):
        raise AttributeError(f"{n} is read-only")
r = ReadOnly(a=1, b=2)
print(r.a, r.b)
try:
    r.a = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    r.c
except AttributeError as e:
    print("AttributeError:", e)

class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, n):
        print("proxy ->", n)
        return getattr(self._t, n)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._t)
class GA:
    def __getattribute__(self, n):
        if n == "magic":
            return 42
        return object.__getattribute__(self, n)
g = GA()
g.x = 1
print(g.magic, g.x)
