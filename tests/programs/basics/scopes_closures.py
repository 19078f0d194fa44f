def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x, i=i: x + i)
    return adders
print([f(10) for f in make_adders()])
def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late_binding())
x = 'module'
def f1():
    x = 'f1'
    def f2():
        return x
    return f2()
print(f1())
def counter():
    n = [0]
    def inc():
        n[0] += 1
        return n[0]
    return inc
c = counter()
c(); c()
print(c())
class K:
    attr = 'class attr'
    def method(self):
        return attr if False else K.attr
print(K().method())
def g():
    return y_later
y_later = 'defined after g'
print(g())
