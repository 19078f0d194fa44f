# A method replaced on the class while a loop that calls it is compiled, an
# instance that gains an attribute shadowing the method, and an exception raised
# inside a call inlined three deep: the exit rebuilds all three frames and the
# handler in the loop's frame catches it.
class Counter:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n += k
        return self.n


def doubled(self, k):
    self.n += 2 * k
    return self.n


def run(c, iters, swap_at):
    total = 0
    for i in range(iters):
        if i == swap_at:
            Counter.step = doubled
        total += c.step(1)
    return total


c = Counter()
print(run(c, 3000, 2000), c.n)


def level3(x):
    if x == 2500:
        raise ValueError("deep " + str(x))
    return x + 1


def level2(x):
    return level3(x) * 2


def level1(x):
    return level2(x) - 1


def deep(n):
    acc = 0
    caught = []
    for i in range(n):
        try:
            acc += level1(i)
        except ValueError as e:
            caught.append(str(e))
    return acc, caught


def deep_no_try(n):
    acc = 0
    for i in range(n):
        acc += level1(i)
    return acc


print(deep(3000))
try:
    print(deep_no_try(3000))
except ValueError as e:
    print("escaped:", e)
