# sum() over a generator of objects with __add__: the running total must survive
# collections while the generator runs (caught under COIL_GC_STRESS=1).
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    __radd__ = __add__

    def __repr__(self):
        return f"Money({self.cents})"


def gen(n):
    for i in range(n):
        junk = [[i] * 3 for _ in range(5)]
        yield Money(i + len(junk))


print(sum(gen(50)), sum((Money(i) for i in range(10)), Money(100)))
