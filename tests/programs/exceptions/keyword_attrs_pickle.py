# AttributeError/NameError/ImportError take their keyword-only attributes; other
# exceptions take no keywords; exceptions pickle and copy through __reduce__.
import copy
import pickle

sentinel = object()
e = AttributeError("Ouch", name="carry", obj=sentinel)
print(e.args, e.name, e.obj is sentinel, AttributeError("x").name, AttributeError().obj)
print(NameError("n", name="v").name, NameError().name)
e = ImportError("test", name="mod", path="p")
print(e.args, e.msg, e.name, e.path)
e.__init__()
print(e.args, e.msg, e.name, e.path)
print(ModuleNotFoundError("m", name="x").name)
for make in [lambda: ImportError("t", invalid=1), lambda: AttributeError(nope=2),
             lambda: BaseException(a=1), lambda: ValueError(1, x=2),
             lambda: StopIteration(value=3), lambda: NameError(obj=1)]:
    try:
        make()
    except TypeError as err:
        print("TypeError", err)


class Derived(BaseException):
    def __init__(self, fancy_arg):
        BaseException.__init__(self)
        self.fancy_arg = fancy_arg


print(Derived(fancy_arg=42).fancy_arg)

v = ValueError(1, 2)
print(v.__reduce__())
v.note = "n"
print(v.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    w = pickle.loads(pickle.dumps(v, proto))
    print(type(w).__name__, w.args, w.note)
i = pickle.loads(pickle.dumps(ImportError("m", name="n", path="p")))
print(i.args, i.name, i.path, i.msg)
k = copy.copy(KeyError("k"))
print(repr(k), copy.deepcopy(OSError(2, "No such file")).errno)
try:
    v.__setstate__([1])
except TypeError as err:
    print("TypeError", err)
v.__setstate__({"extra": 5})
v.__setstate__(None)
print(v.extra)
