# len(obj), x in obj and for x in obj where obj's class defines __len__,
# __contains__ or __iter__ as plain functions: inlined in traces, what they
# return checked or converted at their return as the interpreter does, and
# the same errors when they return something else.


class Box:
    def __init__(self, items):
        self.items = items
        self.bad = None

    def __len__(self):
        if self.bad is not None:
            return self.bad
        return len(self.items)

    def __contains__(self, x):
        if self.bad is not None:
            return self.bad
        return x in self.items

    def __iter__(self):
        if self.bad is not None:
            return self.bad
        return iter(self.items)


class Counter:
    calls = 0

    def __init__(self, n):
        self.n = n

    def __len__(self):
        Counter.calls += 1
        return self.n

    def __contains__(self, x):
        Counter.calls += 1
        return x < self.n

    def __iter__(self):
        Counter.calls += 1
        return iter(range(self.n))


class Truthy:
    def __init__(self, v):
        self.v = v

    def __contains__(self, x):
        return self.v


def run(n):
    b = Box([1, 2, 3])
    c = Counter(4)
    total = 0
    for i in range(n):
        total += len(b) + len(c)
        if i % 3 in b:
            total += 1
        if i not in c:
            total += 2
        for x in b:
            total += x
        for x in c:
            total -= x
    return total, Counter.calls


def truth(n):
    values = [[], [0], 0, 7, "", "s", None, 2.5, 0.0]
    hits = 0
    for i in range(n):
        t = Truthy(values[i % len(values)] if i > n // 2 else 1)
        if 5 in t:
            hits += 1
        if 5 not in t:
            hits += 100
    return hits


def bad(n, value, what):
    b = Box([1, 2])
    out = []
    for i in range(n):
        if i == n - 3:
            b.bad = value
        try:
            if what == "len":
                out.append(len(b))
            elif what == "in":
                out.append(2 in b)
            else:
                out.append(sum(x for x in b))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out[-4:]


print(run(400))
print(truth(400))
for value in (-1, 2.5, "3", True, 2**70, -(2**70), [1]):
    print("len", repr(value), bad(300, value, "len"))
for value in (0, [], [0], "x", None):
    print("in", repr(value), bad(300, value, "in"))
for value in ([1, 2], (5,), 7, None, iter("ab")):
    print("iter", repr(value)[:20], bad(300, value, "iter"))
