def f(a, b, /, c, *, d):
    return a + b + c + d

print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)

def g(x, /, **kw):
    return x, sorted(kw)

print(g(1, x=2, y=3))

def pow_(base, exp=2, /):
    return base ** exp

print(pow_(3), pow_(2, 10))
try:
    pow_(base=2)
except TypeError as e:
    print("TypeError:", e)

def h(a, /, b=5):
    return (a, b)
print(h(1), h(1, 2), h(1, b=3))
