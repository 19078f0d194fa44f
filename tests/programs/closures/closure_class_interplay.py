def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return f"{greeting}, {name}"
    return Greeter

Hi = make_class("Hi")
Yo = make_class("Yo")
print(Hi().greet("Ann"), Yo().greet("Bob"))
print(Hi is Yo, Hi.__name__)

def outer():
    x = "outer-x"
    class C:
        x = "class-x"
        def m(self):
            return x
        y = x
    return C().m(), C.y, C.x
print(outer())

def counter_obj():
    n = 0
    class Ctr:
        def inc(self):
            nonlocal n
            n += 1
            return n
    return Ctr
Ctr = counter_obj()
a, b = Ctr(), Ctr()
print(a.inc(), b.inc(), a.inc())

class Outer:
    val = 5
    def method(self):
        def helper():
            return self.val * 2
        return helper()
print(Outer().method())
def methods_factory():
    fs = {}
    for name in ("up", "low"):
        fs[name] = (lambda nm: (lambda s: getattr(s, nm + "per" if nm == "up" else nm + "er")()))(name)
    return fs
fs = methods_factory()
print(fs["up"]("MiXed"), fs["low"]("MiXed"))
