# Hot functions get traces from their entry to their return: short loops inside
# are unrolled, early returns leave, and calls made by the interpreter or by a
# residual call run compiled. Recursion, cells, defaults, keyword arguments,
# exceptions and rebound globals behave as in the interpreter.

SIZE = 7
EMPTY, BLACK, WHITE = 0, 1, 2


class Square:
    def __init__(self, pos):
        self.pos = pos
        self.color = EMPTY
        self.neighbours = []
        self.reference = self

    def find(self):
        ref = self.reference
        if ref is self:
            return self
        root = ref.find()
        self.reference = root
        return root


squares = [Square(p) for p in range(SIZE * SIZE)]
for sq in squares:
    x, y = sq.pos % SIZE, sq.pos // SIZE
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        nx, ny = x + dx, y + dy
        if 0 <= nx < SIZE and 0 <= ny < SIZE:
            sq.neighbours.append(squares[nx + ny * SIZE])


def free_neighbours(sq, color):
    # a short loop with an early return: unrolled into the function's trace
    count = 0
    for n in sq.neighbours:
        if n.color == EMPTY:
            count += 1
        elif n.color == color:
            return -1
    return count


def place(pos, color):
    sq = squares[pos]
    sq.color = color
    total = 0
    for n in sq.neighbours:
        if n.color == color:
            n.reference = sq.find()
            total += 1
    return total


state = [12345]


def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n


results = []
for game in range(60):
    for sq in squares:
        sq.color = EMPTY
        sq.reference = sq
    score = 0
    for move in range(40):
        pos = rand(SIZE * SIZE)
        color = BLACK if move % 2 else WHITE
        f = free_neighbours(squares[pos], color)
        if f >= 0 and squares[pos].color == EMPTY:
            score += place(pos, color) * 3 + f
    results.append(score)
print("games", sum(results), results[:8])


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", [fib(k) for k in range(18)][-3:])


def with_defaults(a, b=10, *, scale=2):
    acc = 0
    for i in range(3):
        acc += (a + b + i) * scale
    return acc


t = 0
for i in range(2000):
    t += with_defaults(i) + with_defaults(i, 3, scale=-1)
print("defaults", t)


def make_counter():
    hits = 0

    def bump(k):
        nonlocal hits
        for _ in range(2):
            hits += k
        return hits

    return bump


bump = make_counter()
t = 0
for i in range(3000):
    t += bump(i % 5)
print("cells", t, bump(0))


def checked(x):
    for k in range(2):
        if x - 2500 == k:
            raise ValueError("bad %d" % x)
    return x * 2


caught = []
t = 0
for i in range(3000):
    try:
        t += checked(i)
    except ValueError as e:
        caught.append(str(e))
print("raised", t, caught)

LIMIT = 100


def under_limit(v):
    n = 0
    for k in range(3):
        if v + k < LIMIT:
            n += 1
    return n


t = 0
for i in range(3000):
    if i % 500 == 0:
        LIMIT += 7
    t += under_limit(i % 150)
print("globals", t, LIMIT)


class Base:
    def total(self, xs):
        s = 0
        for x in xs:
            s += x
        return s


class Derived(Base):
    def total(self, xs):
        base = super().total(xs)
        for x in xs[:2]:
            base -= x
        return base * 2


d = Derived()
t = 0
for i in range(2000):
    t += d.total([i, 1, 2, 3])
print("super", t)
