# `enumerate(xs)` and `zip(xs, ys)` made by helpers in traces over every kind
# of built-in iterable (a list, a tuple, a str, a range, a dict, a set, an
# iterator, a generator), then an object whose `__iter__` is Python (the
# helper leaves: the interpreter calls it), and a non-iterable (TypeError).
class Bag:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n))


def gen(n):
    yield from range(n)


def run(n):
    total = 0
    errors = 0
    sources = [[1, 2, 3], (4, 5), "abc", range(4), {7: 1, 8: 2}, {9}, iter([1, 1]), None, Bag(3), None]
    for i in range(n):
        s = sources[i % 10]
        if s is None:
            s = gen(i % 4) if i % 20 < 10 else 42
        try:
            for k, x in enumerate(s):
                total += k + (x if isinstance(x, int) else len(x))
            for a, b in zip(s if i % 7 else [1, 2], "wxyz"):
                total += 1
        except TypeError as e:
            errors += 1
            msg = str(e)
        sources[6] = iter([i, i + 1])
    return total, errors, msg


print(run(300))
