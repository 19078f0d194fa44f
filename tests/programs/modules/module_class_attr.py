# A module's __class__ is its type (module), found before a module __getattr__.
import sys
import types

print(sys.__class__, types.__class__ is types.ModuleType, isinstance(sys, types.ModuleType))
m = types.ModuleType("m")
m.__getattr__ = lambda name: "from __getattr__: " + name
print(m.__class__.__name__, m.other)
