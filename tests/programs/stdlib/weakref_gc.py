# weakref.ref with callbacks, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize, WeakMethod over gc.collect().
import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
o = Obj(1)
r = weakref.ref(o)
print(r() is o, weakref.ref(o) is r, weakref.getweakrefcount(o))
def cb(ref):
    print("callback, dead:", ref() is None)
r2 = weakref.ref(o, cb)
print(r2 is r, weakref.getweakrefcount(o), r == r2, hash(r) == hash(o))
del o
gc.collect()
print(r(), r2())
d = weakref.WeakValueDictionary()
k = weakref.WeakKeyDictionary()
keep = [Obj(i) for i in range(5)]
for i, x in enumerate(keep):
    d[i] = x
    k[x] = i
tmp = Obj(99)
d[99] = tmp
k[tmp] = 99
print(len(d), len(k))
del tmp
gc.collect()
print(len(d), len(k), sorted(d), sorted(k.values()))
s = weakref.WeakSet(keep)
keep.pop()
gc.collect()
print(len(s))
f = weakref.finalize(keep[0], print, "finalized")
keep.pop(0)
gc.collect()
print(f.alive)
try:
    weakref.ref(3)
except TypeError as e:
    print(e)
try:
    weakref.ref([])
except TypeError as e:
    print(e)
class M:
    def meth(self): return "m"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
gc.collect()
print(wm())
import atexit


def bye(who, punct="!"):
    print("bye", who + punct)


atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(print, "unregistered")
atexit.unregister(print)
print("end of main")
