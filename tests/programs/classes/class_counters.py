"""Class attributes rebound while lookups are cached: plain values replaced by
plain values (counters) keep the method cache and attribute caches, anything
else (a function, a property, a new name in a subclass) invalidates them."""


class Base:
    counter = 0
    label = "base"
    scale = 2

    def __init__(self, v):
        Base.counter += 1
        self.v = v
        self.seq = Base.counter

    def value(self):
        return self.v * self.scale

    def __lt__(self, other):
        return self.v < other.v


class Child(Base):
    pass


def run(n):
    out = []
    total = 0
    for i in range(n):
        o = Child(i) if i % 2 else Base(i)
        total += o.value() + o.seq + len(o.label)
        if i == n // 4:
            Base.scale = 3                    # plain -> plain
        if i == n // 3:
            Base.label = ("tuple", "label")   # str -> tuple
        if i == n // 2:
            Child.scale = 5                   # new name in the subclass
        if i == 2 * n // 3:
            Base.value = lambda self: -self.v  # plain -> function (was function)
        if i == 3 * n // 4:
            Base.scale = property(lambda self: 7)  # plain -> property
        if i == 4 * n // 5:
            Base.seq = property(lambda self: 11, lambda self, v: None)  # shadows now
        if i % 97 == 0:
            out.append((o.value(), o.seq, o.label, o.scale, o.v))
    objs = sorted([Child(3), Base(1), Child(2)])
    out.append([x.v for x in objs])
    return total, out, Base.counter, Child.counter


t, out, c1, c2 = run(2000)
print(t, c1, c2)
for row in out:
    print(row)
