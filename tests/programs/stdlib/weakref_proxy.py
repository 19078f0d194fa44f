# weakref.proxy: attribute, item, operator and call forwarding, sharing,
# callbacks with the proxy, ReferenceError once the referent is gone
import gc
import weakref


class C:
    def __init__(self):
        self.x = 1

    def meth(self):
        return "m"


o = C()
p = weakref.proxy(o)
print(p.x, p.meth(), type(p).__name__, weakref.proxy(o) is p, weakref.getweakrefcount(o))
p.y = 5
print(o.y)
del p.y
print(hasattr(o, "y"))


class MyList(list):
    pass


ml = MyList([3, 1, 2])
q = weakref.proxy(ml)
print(len(q), q[0], 2 in q, list(reversed(q)), q + [9], [0] + q, bool(q), q == [3, 1, 2], str(q))
q[0] = 7
del q[1]
print(ml, sorted(q))


class F(float):
    pass


f = F(2.0)
pf = weakref.proxy(f)
print(pf + 1.0, 1.0 + pf, pf * 2, -pf, divmod(pf, 0.75))
x = pf
x += 1
print(x, type(x).__name__)
try:
    hash(pf)
except TypeError as e:
    print(e)


def func(a, b=2):
    return a * b


cp = weakref.proxy(func)
print(type(cp).__name__, cp(3), cp(3, b=5))
called = []
o2 = C()
p2 = weakref.proxy(o2, lambda pr: called.append(type(pr).__name__))
del o2
gc.collect()
print(called)
try:
    p2.x
except ReferenceError as e:
    print("ReferenceError:", e)
print(weakref.ProxyTypes)


class Radd:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)


print([1] + Radd(), "s" + Radd(), (1,) * Radd())
print(type("T", (), {}).__module__)
