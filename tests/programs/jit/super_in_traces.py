# super() in hot methods: the proxy is never allocated in traces, the method
# it finds is a constant under the class's version; what it cannot resolve
# (class methods, properties, object.__init__) runs as before.


class Base:
    def __init__(self, x):
        super().__init__()
        self.x = x

    def size(self):
        return self.x

    @property
    def double(self):
        return self.x * 2

    @classmethod
    def make(cls, x):
        return cls(x, 0)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.x)


class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def size(self):
        return super().size() + self.y

    @property
    def double(self):
        return super().double + 1

    @classmethod
    def make(cls, x):
        return super().make(x + 1)


class Leaf(Mid):
    def size(self):
        return super().size() * 2


class Left(Base):
    def size(self):
        return super().size() + 100


class Right(Base):
    def size(self):
        return super().size() + 1000


class Diamond(Left, Right):
    def __init__(self, x, y):
        super().__init__(x)

    def size(self):
        return super().size() + 10000


def run(n):
    t = 0
    for i in range(n):
        a = Mid(i, 1)
        b = Leaf(i, 2)
        c = Diamond(i, 0) if i % 3 == 0 else b
        t += a.size() + b.size() + c.size() + a.double
        if i == n // 2:
            def size(self):
                return -self.x
            Base.size = size
    return t


print(run(3000))
print(Leaf.make(5), Leaf(1, 2).size(), Diamond(1, 2).size(), super(Leaf, Leaf(1, 2)).size())
