# Instance attributes and methods compiled inline behind class, type-version and
# shape guards; each way those can change mid-loop must exit.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


def shapes(n):
    p = P(1, 2)
    q = P(3, 4)
    s = 0
    for i in range(n):
        s += p.x * 2 + p.y + p.norm1()
        p.x = p.x + 1
        if i == 300:
            p.z = 5                      # new attribute: new shape
        if i == 400:
            del p.z                      # back to a shape with x, y
        if i == 500:
            p = q                        # another instance, same shape
        if i == 600:
            p.__dict__["y"] = 10         # __dict__ taken: attributes move to it
        if i == 700:
            P.norm1 = lambda self: 1000  # method replaced on the class
        if i == 800:
            p = P(i, i)
            p.norm1 = lambda: -1         # instance attribute shadows the method
        if i == 900:
            p = P(1, 1)
            P.x = property(lambda self: 42, lambda self, v: None)  # a data descriptor wins
    return s


def slotted(n):
    o = S()
    s = 0
    for i in range(n):
        s += o.a
        if i == 500:
            o.b = 7
        if 500 < i <= 700:
            s += o.b
        if i == 700:
            del o.b
        if i > 700:
            try:
                s += o.b
            except AttributeError:
                s -= 1
    return s


print(shapes(1000))
print(slotted(1000))


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k


c = Counter()


def run(n):
    for i in range(n):
        c.add(i % 7)
        if i == 1500:
            Counter.add = lambda self, k: setattr(self, "n", self.n - k)
    return c.n


print(run(3000))
