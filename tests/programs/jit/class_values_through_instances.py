# `self.speed` found on the class (a plain value): read by a helper after the
# instance's class and shape guards. The class value changes (a counter), an
# instance gets its own attribute of that name (its shape changes), a
# subclass overrides it, and a property replaces it mid-loop.
class Teller:
    speed = 1.0
    served = 0

    def __init__(self, name):
        self.name = name

    def rate(self):
        return self.speed * 2


class Senior(Teller):
    speed = 1.5


def run(n):
    ts = [Teller("a"), Senior("b"), Teller("c")]
    total = 0.0
    for i in range(n):
        t = ts[i % 3]
        total += t.rate() + t.speed + Teller.served
        Teller.served += 1
        if i == n // 3:
            ts[2].speed = 10.0
        if i == 2 * n // 3:
            Teller.speed = property(lambda self: 7.0)
    return total, Teller.served, ts[2].speed


print(run(300))
