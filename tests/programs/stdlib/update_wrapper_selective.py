# functools.update_wrapper with its own assigned/updated: names missing on the
# wrapped object are skipped; each updated name is the wrapper's own mapping, updated.
import functools


def f():
    pass


f.attr = "A"
f.dict_attr = dict(a=1, b=2)


def wrapper():
    pass


wrapper.dict_attr = {"z": 0}
functools.update_wrapper(wrapper, f, ("attr", "missing"), ("dict_attr",))
print(wrapper.attr, sorted(wrapper.dict_attr.items()), wrapper.__wrapped__ is f)
print("missing" in wrapper.__dict__, "a" in wrapper.__dict__)


def g():
    pass


def w2():
    pass


for val in [None, 1]:
    if val is not None:
        w2.dict_attr = val
    try:
        functools.update_wrapper(w2, g, (), ("dict_attr",))
    except AttributeError as e:
        print("AttributeError", e)

functools.update_wrapper(w2, g, (), ())
print(w2.__wrapped__ is g)
