# Global and builtin lookups stay right when the dicts behind them change:
# rebinding, deleting, shadowing a builtin and removing the shadow, writes
# through globals(), and one code object run against different globals.
import sys

x = 1


def read_x():
    return x


out = []
for i in range(5):
    out.append(read_x())
    x = i * 10
print(out)

globals()["x"] = "via globals()"
print(read_x())
del x
try:
    read_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(read_x())


def uses_len(s):
    return len(s)


print(uses_len("abc"))
len = lambda s: 99  # noqa: E731 - shadow the builtin
print(uses_len("abc"))
del len
print(uses_len("abcd"))

code = compile("result = value * 2", "<cached>", "exec")
for value in (1, 2, 3):
    g = {"value": value}
    exec(code, g)
    print(g["result"])
g1, g2 = {"value": "a"}, {"value": "b"}
for _ in range(2):
    exec(code, g1)
    exec(code, g2)
print(g1["result"], g2["result"])

mod = sys.modules[__name__]
setattr(mod, "x", "set on the module")
print(read_x())
import builtins

builtins.shadowed_later = "from builtins"


def read_later():
    return shadowed_later  # noqa: F821


print(read_later())
shadowed_later = "from globals"
print(read_later())
del shadowed_later
print(read_later())
del builtins.shadowed_later
try:
    read_later()
except NameError as e:
    print("NameError:", e)
