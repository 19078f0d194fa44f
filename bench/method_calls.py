"""Method calls: bound-method calls on instances, including inherited and super() calls."""
import sys


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def bump(self, d):
        self.v = (self.v + d) % 1000003
        return self

    def twice(self, x):
        return self.scale(x) + self.scale(x)

    def scale(self, x):
        return x * 2


class Derived(Base):
    def scale(self, x):
        return super().scale(x) + 1


class Other(Base):
    def get(self):
        return self.v + 1


def run(n):
    objs = [Base(1), Derived(2), Other(3)]
    acc = 0
    for i in range(n):
        o = objs[i % 3]
        o.bump(i)
        acc += o.get()
        acc += o.twice(i & 15)
        acc %= 1000000007
    return acc, [o.get() for o in objs]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    acc, vals = run(n)
    print("acc", acc)
    print("vals", vals)


main()
