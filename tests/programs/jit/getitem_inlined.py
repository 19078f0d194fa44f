# `obj[k]` on instances whose class defines `__getitem__` in Python: inlined
# into the trace like a method call. Exits inside it (a key of another type,
# an IndexError it raises, the class's `__getitem__` replaced mid-loop, an
# instance of a subclass) rebuild its frame and finish it in the interpreter.
class Grid:
    def __init__(self, w, cells):
        self.w = w
        self.cells = cells

    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]


class Table:
    def __init__(self):
        self.rows = {"a": 1, "b": 2}

    def __getitem__(self, key):
        if key == "missing":
            raise KeyError(key)
        return self.rows[key] * 10


class BigTable(Table):
    def __getitem__(self, key):
        return -1


def run(n):
    g = Grid(4, list(range(16)))
    t = Table()
    b = BigTable()
    total = 0
    errors = []
    for i in range(n):
        total += g[i % 4, (i // 4) % 4]
        key = "a" if i % 3 else "b"
        if i % 41 == 40:
            key = "missing"
        try:
            total += t[key]
        except KeyError as e:
            errors.append(str(e))
        total += (b if i % 29 == 28 else t)["a"]
        if i == n // 2:
            Grid.__getitem__ = lambda self, pos: 1000
    return total, errors[:2], len(errors)


print(run(400))


class Flat:
    def __init__(self, w, cells):
        self.w = w
        self.cells = cells

    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]


def out_of_range(n):
    g = Flat(2, [1, 2, 3, 4])
    hits = 0
    for i in range(n):
        try:
            hits += g[i % 3, 1]
        except IndexError:
            hits -= 1
    return hits


print(out_of_range(200))
