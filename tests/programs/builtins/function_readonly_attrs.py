def f(a, b=2): return a + b
for name in ("__closure__", "__globals__"):
    try:
        setattr(f, name, None)
    except AttributeError as e:
        print("AttributeError", e)
f.custom = 5
print(f.custom, f(1))
