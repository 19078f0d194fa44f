# Calls that leave parameters to their defaults are inlined: the defaults of a
# guarded function are constants, those of a nested function made per
# iteration (`lambda x, k=k: ...`) are read from the function called; an exit
# inside the callee rebuilds its frame with them bound.
def scale(x, factor=3, offset=0):
    if x > 10**6:
        return -1
    return x * factor + offset


class Acc:
    def __init__(self):
        self.t = 0

    def add(self, v, times=1, sign=1):
        self.t += sign * v * times
        return self.t


def run(n):
    a = Acc()
    s = 0
    for i in range(n):
        s += scale(i) + scale(i, 2) + scale(i, 1, -i)
        a.add(i)
        a.add(i, 2)
        if i % 100 == 0:
            a.add(i, 1, -1)
        k = i % 5
        f = lambda x, k=k, m=2: x * k + m
        s += f(i) + f(i, 1)
        if i == n - 10:
            s += scale(10**7) + scale(2.5)
    return s, a.t


print(run(6000))
