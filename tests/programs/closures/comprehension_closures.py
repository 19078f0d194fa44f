fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
d = {k: (lambda k=k: k * 2) for k in "ab"}
print({k: v() for k, v in d.items()})

def scale_all(factor, xs):
    return [x * factor for x in xs]
print(scale_all(3, [1, 2, 3]))

def nested(n):
    return [[i * j for j in range(n)] for i in range(n)]
print(nested(4))

def outer():
    base = 10
    return [lambda y: base + y + x for x in range(3)]
print([f(1) for f in outer()])

def gen_closure():
    m = 2
    g = (m * v for v in range(4))
    m = 3
    return list(g)
print(gen_closure())

x = "global"
r = [x for x in range(3)]
print(r, x)
def setc():
    prefix = "p"
    return {prefix + str(n) for n in range(3)} == {"p0", "p1", "p2"}
print(setc())
