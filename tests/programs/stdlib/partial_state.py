# functools.partial: __reduce__/__setstate__ (pickle and copy), read-only func/args/
# keywords, recursive reprs, and non-str keywords refused at call time.
import copy
import functools
import pickle


def capture(*args, **kw):
    return args, kw


p = functools.partial(capture, 1, a=2)
p.attr = [3]
print(p.__reduce__()[0] is functools.partial, p.__reduce__()[1][0] is capture)
print(p.__reduce__()[2][1:3])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(q(5, b=6), q.attr)
q = copy.deepcopy(p)
print(q(), q.attr, q.attr is p.attr, copy.copy(p).attr is p.attr)
for name, val in [("func", max), ("args", (1,)), ("keywords", {})]:
    try:
        setattr(p, name, val)
    except AttributeError:
        print("AttributeError", name)
p.__setstate__((capture, (7,), None, None))
print(p(), p.keywords, repr(p).startswith("functools.partial(<function capture"))
p.__setstate__((capture, (), {"k": 1}, {"x": 9}))
print(p(), p.x)
for bad in [(capture, (), {}), [capture, (), {}, None], (None, (), {}, None),
            (capture, [], {}, None), (capture, (), [], None)]:
    try:
        p.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
f = functools.partial(capture)
f.__setstate__((f, (), {}, {}))
print(repr(f))
f.__setstate__((capture, (f,), {}, {}))
print(repr(f).endswith(", ...)"))
f.__setstate__((capture, (), {"a": f}, {}))
print(repr(f).endswith("a=...)"))
f.__setstate__((capture, (), {}, {}))
f.keywords[1234] = "value"
print("1234" in repr(f))
try:
    f()
except TypeError as e:
    print("TypeError", e)
