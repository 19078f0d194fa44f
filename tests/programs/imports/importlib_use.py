# importlib.import_module, importlib.util.find_spec / resolve_name, reload.
import importlib
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def rel(p):
    return p[len(here) + 1:] if p.startswith(here + "/") else p


m = importlib.import_module("kit.core")
print(m.__name__, m.make(5))
t = importlib.import_module(".tools", "kit")
print(t.__name__, t is sys.modules["kit.tools"])
f = importlib.import_module("..core", "kit.tools")
print(f is m)
print(importlib.import_module("math").floor(2.5))
try:
    importlib.import_module("no_such_module_here")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(type(e).__name__, e)
print(importlib.util.resolve_name(".fmt", "kit.tools"))
print(importlib.util.resolve_name("..core", "kit.tools"))
s = importlib.util.find_spec("kit.tools.fmt")
print(s.name, s.parent, rel(s.origin))
print(importlib.util.find_spec("no_such_module_either"))
print(importlib.util.find_spec("sys").origin)
print("kit.tools.fmt" in sys.modules)
m.make = None
importlib.reload(m)
print(m.make(6))
spec = importlib.util.find_spec("kit")
print(spec.submodule_search_locations == [os.path.join(here, "kit")])
