# A bound method reads the attributes of its function (unittest.expectedFailure
# marks the function and reads the mark through the method).
def f(self):
    return 1


f.marker = 5
f.__dict__["other"] = "x"


class A:
    g = f


m = A().g
print(m.marker, m.other, getattr(m, "missing", "default"), m.__name__, m.__func__ is f)
try:
    m.marker = 6
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(m, "__self__"), m.__self__.__class__.__name__)
