# `for x in obj` where obj's class defines __iter__ as a generator function:
# the trace makes the generator with a helper and inlines its resumptions;
# the first resumption of each new generator leaves for a side trace.


class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for x in self.items:
            yield x


class Pairs(Bag):
    def __iter__(self):
        for i in range(0, len(self.items) - 1, 2):
            yield self.items[i], self.items[i + 1]


class Counted(Bag):
    made = 0

    def __iter__(self):
        Counted.made += 1
        yield from self.items


class Failing(Bag):
    def __iter__(self):
        for x in self.items:
            if x == 7:
                raise ValueError("seven")
            yield x


def sums(n):
    b = Bag(list(range(10)))
    p = Pairs([1, 2, 3, 4, 5, 6])
    total = 0
    for i in range(n):
        for x in b:
            total += x
        for a, c in p:
            total += a * c
        for x in b:
            if x > i % 10:
                break
            total -= x
    return total


def counted(n):
    c = Counted([1, 2, 3])
    total = 0
    for i in range(n):
        for x in c:
            total += x
    return total, Counted.made


def failing(n):
    f = Failing(list(range(9)))
    caught = 0
    for i in range(n):
        try:
            for x in f:
                pass
        except ValueError as e:
            caught += 1
            last = str(e)
        if i == n // 2:
            f.items = list(range(5))
    return caught, last


def redefined(n):
    b = Bag([1, 2, 3])
    total = 0
    for i in range(n):
        if i == n // 2:
            # the class's __iter__ replaced halfway: the trace's guard on the
            # class leaves and the new one runs
            def rev(self):
                for x in reversed(self.items):
                    yield x * 10

            Bag.__iter__ = rev
        for x in b:
            total = total * 3 % 1000003 + x
    return total


def instance_attribute(n):
    # an __iter__ on the instance is not what `for` calls
    b = Bag([4, 5])
    b.__iter__ = lambda: iter([100])
    total = 0
    for i in range(n):
        for x in b:
            total += x
    return total


print(sums(300))
print(counted(300))
print(failing(300))
print(instance_attribute(300))
print(redefined(300))
print(list(Pairs([1, 2, 3, 4])), sorted(Counted({3, 1, 2})))
