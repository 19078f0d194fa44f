# Instances called in traced loops: a Python __call__ inlined under the
# class's guards (defaults filled in), the class's __call__ replaced
# mid-loop, an instance attribute named __call__ (ignored by calls), and a
# callable whose __call__ raises.


class Scale:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, bias=0):
        return x * self.k + bias


class Picky:
    def __call__(self, x):
        if x % 13 == 0:
            raise ValueError(x)
        return x


def triple(self, x, bias=0):
    return x * 3 + bias


def run(n):
    s, p = Scale(2), Picky()
    s.__call__ = lambda x: -1
    t = errors = 0
    for i in range(n):
        t += s(i) + s(i, 1)
        if i == n // 2:
            Scale.__call__ = triple
        try:
            t += p(i)
        except ValueError:
            errors += 1
    return t, errors


print(run(3000))
