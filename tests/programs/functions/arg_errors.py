def f(a, b):
    return a + b
def g(a, b=1, *, c):
    pass
def h():
    pass
def k(x, *args):
    pass
class A:
    def m(self, x):
        pass

tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: f(),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: h(1),
    lambda: h(x=1),
    lambda: k(),
    lambda: A().m(),
    lambda: A().m(1, 2),
    lambda: A.m(1),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(str(e))
