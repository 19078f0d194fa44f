# Inlined calls that leave parameters to their defaults: an exit inside the
# callee, on a path reading the defaulted parameter, must find it bound.
class A:
    def f(self, x, y=10):
        if x % 1000 == 999:
            return x + y
        return x


def g(x, y=5):
    if x % 700 == 699:
        return x * y
    return -x


def run(n):
    a = A()
    t = 0
    for i in range(n):
        t += a.f(i) + g(i)
    return t


print(run(5000))
