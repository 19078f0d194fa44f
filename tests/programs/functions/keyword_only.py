def f(a, *, b, c=3):
    return (a, b, c)

print(f(1, b=2))
print(f(1, b=2, c=4))
print(f(a=0, c=1, b=9))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)

def g(*args, sep="-", end="."):
    return sep.join(str(a) for a in args) + end

print(g(1, 2, 3))
print(g(1, 2, 3, sep="+"))
print(g("a", "b", end="!", sep=""))
print(g())

def h(*, x, y):
    return x - y
print(h(x=10, y=3), h(y=10, x=3))
try:
    h(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(f.__kwdefaults__)
print(g.__kwdefaults__ == {"sep": "-", "end": "."})
