def f(a, *b, c=2, **d):
    return a, b, c, d
print(f(1, 2, c=3, e=4))
