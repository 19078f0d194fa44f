# The class statement's protocol: __prepare__, class keywords, the most derived
# metaclass, __set_name__, __init_subclass__ (PEP 487), __mro_entries__ (PEP 560).
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Plugin:
    registry = []

    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)


class A(Plugin, tag="a"):
    f = Field()


class B(A):
    g = Field()


print(A.tag, B.tag, Plugin.registry, A.f.name, B.g.name)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"injected": len(kw)}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw


class E(metaclass=Meta, x=2, y=3):
    z = injected


class F(E):
    pass


print(E.z, E.kw, type(F).__name__, F.kw)


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class Recorder(dict):
            def __setitem__(self, k, v):
                if not k.startswith("__"):
                    print("define", k)
                super().__setitem__(k, v)
        return Recorder()


class G(metaclass=OrderedMeta):
    b = 1
    a = 2

    def m(self):
        return __class__.__name__


print(G.a, G.b, G().m())


class Other(type):
    pass


try:
    class H(E, metaclass=Other):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class I(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Proxy:
    def __mro_entries__(self, bases):
        return (dict,)


class J(Proxy()):
    pass


print(J.__bases__, J.__orig_bases__[0].__class__.__name__, J(a=1))


def func_meta(name, bases, ns, **kw):
    print("function metaclass", name, kw)
    return 42


class K(metaclass=func_meta, q=1):
    pass


print(K)
T = type("T", (Plugin,), {"v": Field()}, tag="t")
print(T.tag, T.__qualname__)


class Wrapped:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


print(Wrapped[int], Wrapped["x"])


class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no")


try:
    class L:
        b = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
