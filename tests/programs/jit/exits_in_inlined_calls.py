# Guards that fail inside calls inlined into a trace: the exit must rebuild every
# inlined frame so the interpreter resumes mid-call with the right locals.
def inner(x, y):
    z = x * y
    return z + 1


def middle(a, b):
    t = inner(a, b)
    return t - a


def outer(n):
    total = 0
    for i in range(n):
        total = total + middle(i, 3)
    return total


print(outer(100), outer(5000))
big = 0
for i in range(3000):
    big = big + middle(i, 2**45)
print(big)


def scale(v, k):
    return v * k


acc = 0
vals = [1] * 2000 + [1.5] * 10 + [2] * 5
for v in vals:
    acc = acc + scale(v, 3)
print(acc)


def divide(a, b):
    return a // b


def chain(a, b):
    return divide(a, b) + 1


def loop(n):
    s = 0
    for i in range(n):
        s = s + chain(1000, 1500 - i)
    return s


try:
    print(loop(3000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


class Acc:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        return self.n


a = Acc()
r = 0
for i in range(4000):
    r = a.bump(i % 5)
print(r, a.n)
Acc.bump = lambda self, k: -k
print(a.bump(3))
for i in range(50):
    r = a.bump(1)
print(r)
