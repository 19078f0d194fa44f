class A: pass
class B(A): pass
a, b = A(), B()
print(type(a), type(b))
print(type(a).__name__, b.__class__.__name__)
print(type(b) is B, type(b) == A, b.__class__ is B)
print(isinstance(b, A), isinstance(a, B), isinstance(b, (int, A)))
print(issubclass(B, A), issubclass(B, (int, str)), issubclass(A, object))
print(type(1), type("s"), type([]), type({}), type(None), type(1.5), type(True))
print(type(A), type(type), type(len))
print(int.__name__, str.__name__, type(None).__name__)
for v in [1, "x", 2.0, [1], (1,), {1: 2}, {1}, None, True, b"b", range(3), A]:
    print(repr(v) if not isinstance(v, type) else v.__name__, type(v).__name__)
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float))
print(A.__module__, A.__qualname__)
print(b.__class__.__bases__[0].__name__)
print(A.__class__, object.__class__)
print(type(a) in (A, B), type(b) in (A,))
