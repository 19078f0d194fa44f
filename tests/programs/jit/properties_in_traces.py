# Plain property getters are inlined: guarded by the class and its version,
# an exit inside rebuilds the getter's frame; a setter, a shadowing instance
# attribute (it cannot shadow a property), a property replaced mid-loop and a
# subclass overriding it all behave as in CPython.
class Money:
    def __init__(self, cents):
        self.cents = cents

    @property
    def dollars(self):
        return self.cents / 100 if self.cents >= 0 else -1

    @property
    def label(self):
        return "$" + str(self.cents)


class Pricey(Money):
    @property
    def dollars(self):
        return 1000


class Line:
    def __init__(self, m, qty):
        self._m = m
        self.qty = qty

    @property
    def m(self):
        return self._m

    @m.setter
    def m(self, v):
        self._m = v

    @property
    def total(self):
        return self.m.dollars * self.qty


def run(n):
    acc = 0.0
    labels = 0
    lines = [Line(Money(i * 7 - 50), i % 4) for i in range(20)]
    lines[3] = Line(Pricey(5), 2)
    for i in range(n):
        ln = lines[i % 20]
        acc += ln.total
        labels += len(ln.m.label)
        if i == n // 2:
            ln.m = Money(10**20)  # a big int: the getter's guards exit
        if i == n - 100:
            Money.label = property(lambda self: "L")
    try:
        Line(Money(1), 1).__dict__["total"] = 5
        print(Line(Money(250), 2).total)
    except Exception as e:
        print(type(e).__name__)
    return round(acc, 2), labels


print(run(6000))


# a class whose namespace changes on every instantiation: its version cannot
# be guarded, so the property is looked up and guarded by identity
class Order:
    made = 0

    def __init__(self, n):
        Order.made += 1
        self.n = n

    @property
    def size(self):
        return self.n * 2


def orders(n):
    t = 0
    for i in range(n):
        o = Order(i)
        t += o.size
        if i == n - 50:
            Order.size = property(lambda self: -1)
    return t, Order.made


print(orders(4000))
