# Annotated assignments fill __annotations__ in module and class bodies.
def note(tag, v=None):
    print("eval", tag)
    return v if v is not None else tag


class Base:
    a: int
    b: str = "bee"
    c: note("ann-c") = note("value-c")


class Child(Base):
    d: list[int] = []
    if True:
        e: dict = {}
    for _ in range(1):
        f: float


print(Base.__annotations__)
print(Child.__annotations__)
print(Child.b, Child.c, Child.d, "a" in vars(Base), hasattr(Base, "a"))
x: int = 1
y: note("module-ann")
print(__annotations__)


class Obj:
    pass


o = Obj()
o.attr: note("attr-ann") = 5
print(o.attr, "attr" in __annotations__)
d = {}
d["k"]: note("subscript-ann") = 6
print(d)


def func():
    local: undefined_name_never_evaluated = 3
    return local


print(func(), func.__annotations__)
print(type(Base.__dict__["__annotations__"]).__name__)
