# Hot exits inside calls inlined into a loop's trace grow side traces: they start
# in the callee's rebuilt frame, return through the inlined frames and link back to
# the loop. Each loop here would leave its trace on most iterations without them.
def classify(x):
    if x % 3 == 0:
        return x * 2
    return x + 1


def run(n):
    t = 0
    for i in range(n):
        t += classify(i)
    return t


print(run(30000))


def leaf(a, b):
    if a & 1:
        return a - b
    return a + b


def mid(a, b):
    r = leaf(a, b)
    if r > 100:
        return r // 2
    return r


def deep(n):
    s = 0
    for i in range(n):
        s = s + mid(i % 250, 7)
    return s


print(deep(40000))


class Stepper:
    def __init__(self, v):
        self.v = v

    def step(self, k):
        if k & 1:
            return self.v + k
        if k % 5 == 0:
            return self.v * 1.5
        return k


def methods(n):
    p = Stepper(3)
    s = 0
    for k in range(n):
        s = s + p.step(k)
    return s


print(methods(30000))


# The side trace itself exits later: the callee starts returning floats, then
# big ints, then raises from inside the inlined frames.
def pick(i, limit):
    if i % 2:
        if i > limit:
            return i * 0.5
        return i
    if i > 2 * limit:
        return 2**62 * i
    return -i


def mixed(n, limit):
    s = 0
    for i in range(n):
        s = s + pick(i, limit)
    return s


print(mixed(6000, 2500))


def check(i):
    if i % 4 == 1:
        if i == 5001:
            raise ValueError("bad " + str(i))
        return 1
    return 0


def raising(n):
    c = 0
    for i in range(n):
        c += check(i)
    return c


try:
    raising(8000)
except ValueError as e:
    print("caught", e)
