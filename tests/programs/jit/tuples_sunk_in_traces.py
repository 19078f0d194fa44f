# Tuples a trace never makes: tuple displays packed and unpacked, returned
# from inlined calls, kept in locals, indexed by constants, holding objects
# the trace has not made either; made where they escape.


def divmod2(a, b):
    return a // b, a % b


def pairs(n):
    s = 0
    for i in range(1, n):
        q, r = divmod2(i * 7, 5)
        s += q - r
    return s


print("pairs", pairs(3000))


def kept_tuples(n):
    kept = []
    last = None
    for i in range(n):
        t = (i, i * 2, -i)
        s = t[0] + t[1] + t[-1]
        if i % 250 == 0:
            kept.append(t)
            last = t
        if s != 2 * i:
            print("wrong", i)
    print(kept[:3], last is kept[-1], type(last).__name__, hash(kept[1]) == hash((250, 500, -250)))
    return len(kept)


print("kept", kept_tuples(2000))


def swaps(n):
    a, b, c, d = 1, 2, 3, 4
    for i in range(n):
        a, b, c, d = d, a + 1, b, c
    return a, b, c, d


print("swaps", swaps(1001))


class Cell:
    def __init__(self, v):
        self.v = v


def with_objects(n):
    total = 0
    for i in range(n):
        pair = (Cell(i), Cell(-i))
        left, right = pair
        total += left.v - right.v
        if i % 400 == 1:
            print("pair", [c.v for c in pair], pair[0] is left)
    return total


print("objects", with_objects(1200))


def nested(n):
    acc = 0
    for i in range(n):
        (a, b), c = (i, i + 1), i + 2
        acc += a * b - c
    return acc


print("nested", nested(2500))


def enumerated(xs):
    last = None
    count = 0
    for pair in enumerate(xs):
        k, v = pair
        count += k * v
        last = pair
    return count, last


print("enumerated", enumerated(list(range(50, 2050))))


def compared(n):
    hits = 0
    for i in range(n):
        t = (i % 3, i % 5)
        if t == (1, 2):
            hits += 1
        if t < (0, 3):
            hits += 100
    return hits


print("compared", compared(3000))
