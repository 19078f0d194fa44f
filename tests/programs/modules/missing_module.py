try:
    import nonexistent_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
    print(e.name)
try:
    import nonexistent_module_abc
except ImportError as e:
    print("caught as ImportError:", type(e).__name__)
try:
    from _mathutil import nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import shapes.nosuch
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from shapes import nosuch
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
