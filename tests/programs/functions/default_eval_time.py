x = 10
def f(a=x):
    return a
x = 20
print(f())
print(f(5))

log = []
def make_default(v):
    log.append(v)
    return v * 2

def g(a=make_default(1), b=make_default(2)):
    return a + b

print(log)
print(g(), g(), g(0))
print(log)

funcs = []
for i in range(4):
    def h(i=i):
        return i * i
    funcs.append(h)
print([fn() for fn in funcs])

def outer():
    y = 7
    def inner(z=y + 1):
        return z
    y = 100
    return inner()
print(outer())
