# __spec__, __file__, __package__, __path__ of modules, packages and namespace packages.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def rel(p):
    return None if p is None else p[len(here) + 1:]


import kit
import kit.tools.fmt as fmt
import spaced.part.mod

for m in [kit, kit.core, kit.tools, fmt, spaced, spaced.part, spaced.part.mod]:
    spec = m.__spec__
    print(m.__name__, m.__package__, rel(getattr(m, "__file__", None)))
    print("  spec:", spec.name, spec.parent, rel(spec.origin), spec.has_location)
    locs = spec.submodule_search_locations
    print("  locations:", None if locs is None else [rel(p) for p in locs])
    print("  __path__:", [rel(p) for p in m.__path__] if hasattr(m, "__path__") else "-")
    print("  cached:", spec.cached is None or spec.cached.endswith(".pyc"))
print(spaced.part.mod.X)
print(type(kit.__spec__).__name__)
print(sys.modules["kit.tools"] is kit.tools)
print(sorted(k for k in sys.modules if k.startswith(("kit", "spaced"))))
print(__name__, __package__, __spec__)
print(sys.__spec__.name, sys.__spec__.origin, sys.__spec__.parent == "")
print(os.path.basename(__file__))
