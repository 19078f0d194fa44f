# Bound method objects called in traced loops: module attributes
# (`random.randrange` is a bound method of a hidden Random), locals holding
# `obj.method`, defaults filled in, a rebinding mid-loop, and a raise inside.
import random


class Acc:
    def __init__(self, k):
        self.k = k
        self.total = 0

    def add(self, x, scale=1, bias=0):
        self.total += (x * self.k) * scale + bias
        return self.total

    def check(self, x):
        if x % 11 == 0:
            raise ValueError(x)
        return x


def run(n):
    random.seed(7)
    a, b = Acc(2), Acc(3)
    add = a.add
    check = b.check
    picks = 0
    errors = 0
    for i in range(n):
        picks += random.randrange(10) + random.randint(1, 3) + random.choice([4, 5, 6])
        add(i)
        add(i, 2)
        add(i, bias=1)
        if i == n // 2:
            add = b.add
        try:
            picks += check(i)
        except ValueError:
            errors += 1
    return picks, a.total, b.total, errors


print(run(3000))
print(run(40))
