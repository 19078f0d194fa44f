def alpha(): pass
print(alpha.__name__, alpha.__qualname__)
class C:
    def method(self): pass
    class Inner:
        def deep(self): pass
print(C.method.__name__, C.method.__qualname__)
print(C.Inner.deep.__qualname__)
def outer():
    def inner(): pass
    return inner
print(outer().__name__, outer().__qualname__)
f = lambda: 0
print(f.__name__, f.__qualname__)
g = alpha
print(g.__name__)
alpha.__name__ = "renamed"
print(alpha.__name__, g.__name__)
print(len.__name__, print.__name__)
print(alpha.__module__)
print(type(alpha).__name__, type(len).__name__)
print(callable(alpha), callable(3), callable(C), callable(C()))
def documented():
    """Docstring here."""
print(documented.__doc__)
print(outer.__doc__)
print([fn.__name__ for fn in (abs, max, sorted, outer, C)])
