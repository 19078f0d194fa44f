# `a, b = b, a` and friends: values evaluated left to right, then targets
# assigned left to right; no tuple is built (the compiler swaps on the stack).
log = []


def v(x):
    log.append(("value", x))
    return x


class Rec:
    def __setattr__(self, name, value):
        log.append(("set", name, value))
        object.__setattr__(self, name, value)


a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
[a, b] = b, a
print(a, b)
r = Rec()
r.x, r.y = v(1), v(2)
r.x, r.y, r.z = v(r.y), v(r.x), v(3)
print(log)
xs = [10, 20, 30]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
i = 0
i, xs[i] = 2, 99
print(i, xs)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(fib(90))
try:
    xs[5], a = 1, 2
except IndexError as e:
    print("IndexError", e, a)
first, *rest = 1, 2, 3
print(first, rest)
(p, q), s = (1, 2), 3
print(p, q, s)
