# Nested functions made anew on every iteration or every call of their maker
# are inlined by code: their cells are read from whichever closure is called,
# and an exit inside one rebuilds its frame with that closure.
def run(n):
    acc = 0
    for i in range(n):
        scale = i % 4

        def weigh(v):
            return v * scale

        acc += weigh(3)
        f = lambda x: x + scale if x > 2 else x - scale
        acc += f(i % 5)
        if i % 1000 == 0:
            scale = 2.5  # a float in the cell: the inlined body's guard exits
        acc += weigh(2)
    return acc


def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


def counters(n):
    total = 0
    for i in range(n):
        c = make_counter() if i % 7 == 0 else c
        total += c(i % 3)
        if i % 500 == 499:
            total += c(0.5)
    return total


def find(items, predicate):
    return [x for x in items if predicate(x)]


def finds(n):
    items = list(range(40))
    t = 0
    for i in range(n):
        k = i % 9
        t += len(find(items, lambda x: x % (k + 1) == 0))
        t += len(find(items, lambda x: x > k * 4))
    return t


def adders(n):
    def make(k):
        return lambda x: x + k

    fs = [make(k) for k in range(5)] + [make("s")]
    t = 0
    for i in range(n):
        f = fs[i % 5]
        t += f(i)
    try:
        fs[5](1)
    except TypeError as e:
        print("TypeError:", e)
    return t


print(run(5000))
print(counters(5000))
print(finds(300))
print(adders(5000))
