class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as v:
    print("body", v)

with Tracker("outer"), Tracker("inner") as i:
    print("nested body", i)

with Tracker("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")

try:
    with Tracker("ns"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

def f():
    with Tracker("ret"):
        return "returned value"
print(f())

for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        print("loop body", i)

class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, t, e, tb):
        return t is not None and issubclass(t, self.types)
with Suppress(ZeroDivisionError, KeyError):
    1 / 0
print("zero division suppressed")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError not suppressed:", e)
with Tracker("x") as (a):
    pass
