def f(x):
    return x + f.offset
f.offset = 10
print(f(1))
f.offset = 100
print(f(1))
print(f.__dict__)
f.tags = ["a", "b"]
print(sorted(f.__dict__))
print(hasattr(f, "tags"), hasattr(f, "nope"))
print(getattr(f, "nope", "default"))
setattr(f, "dyn", 5)
print(f.dyn)
del f.dyn
print(hasattr(f, "dyn"))
def g(a, b=2, *args, c, d=4, **kw):
    x = 1
    return x
print(g.__defaults__, g.__kwdefaults__)
def h(a: int, b: str = "x") -> bool:
    return True
print(h.__annotations__)
print(f.__name__, type(f.__dict__).__name__)
try:
    f.__call__(1, 2)
except TypeError as e:
    print(e)
print(f.__call__(0))
