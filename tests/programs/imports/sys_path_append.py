# Imports follow sys.path as it is at import time.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def rel(p):
    return p[len(here) + 1:] if p.startswith(here + "/") else p


print(sys.path[0] == here)
try:
    import plainmod
except ModuleNotFoundError as e:
    print("before:", type(e).__name__, e, e.name)
sys.path.append(os.path.join(here, "_extra"))
sys.path.append(os.path.join(here, "_extra2"))
import plainmod
print(plainmod.VALUE)
print(rel(plainmod.__file__))
import other
print(other.VALUE)
import deep
print(deep.NAME, rel(deep.__path__[0]))
print(plainmod is sys.modules["plainmod"])
# a new module name after the path changed again
sys.path.insert(0, os.path.join(here, "_extra2"))
del sys.modules["plainmod"]
import plainmod
print(plainmod.VALUE)
# a non-str entry is skipped
sys.path.insert(0, 42)
import keyword as _j
print(type(_j).__name__)
# the module found first wins; built-in modules come before files
import math
print(math.sqrt(16))
