def collect(**kwargs):
    print(type(kwargs).__name__)
    return kwargs

d = collect(a=1, b=2, c=3)
print(d)
print(list(d.keys()))
print(collect())

def build(name, **attrs):
    parts = [name]
    for k in attrs:
        parts.append(f"{k}={attrs[k]}")
    return " ".join(parts)

print(build("div", id="main", cls="x"))
print(build(name="span"))
opts = {"color": "red", "size": 3}
print(build("p", **opts))
print(build("p", **opts, extra=True))
print(build(**{"name": "h1", "z": 0}))

def both(*args, **kwargs):
    return args, kwargs
print(both(1, 2, x=3))
print(both(*[1, 2], **{"y": 4}, z=5))
try:
    both(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
