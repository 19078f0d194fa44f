# Generators inlined into the loops that drive them may call functions,
# methods, properties and operator dunders that change nothing: the call is
# inlined too, and any exit inside it re-runs the call in the interpreter.
# Calls that do change something (a store, a list append, advancing an
# iterator someone else holds) are made as before. Both must print what
# CPython prints, whatever changes under the trace.


class Line:
    def __init__(self, qty, price):
        self.qty = qty
        self.price = price

    @property
    def subtotal(self):
        return self.qty * self.price

    def discounted(self, pct):
        return self.subtotal - self.subtotal * pct // 100

    def label(self):
        return "x%d" % self.qty


def scaled(x, k):
    return x * k + offset(x)


def offset(x):
    return 1 if x % 2 else -1


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __lt__(self, other):
        return self.x < other.x


orders = [[Line(i % 4 + 1, j + 1) for j in range(i % 5 + 1)] for i in range(40)]

# properties, methods and nested calls in genexprs drained or iterated
total = 0
best = 0
labels = 0
for k in range(600):
    lines = orders[k % 40]
    total += sum(l.subtotal for l in lines)
    best = max(best, max((l.discounted(10) for l in lines), default=0))
    for s in (scaled(l.qty, k % 3) for l in lines):
        total += s
    labels += len(list(l.label() for l in lines))
print(total, best, labels)

# the attribute a getter reads turns float, then str (its guard fails inside
# the inlined call: the call is made again by the interpreter)
mixed = [Line(2, 3) for _ in range(30)]
acc = []
for k in range(300):
    if k == 150:
        mixed[7].price = 2.5
    if k == 250:
        mixed[3].qty = "ab"
        mixed[3].price = 2
    acc.append(sum(1 for l in mixed if l.subtotal))
    acc.append([l.subtotal for l in mixed][3])
print(acc[:4], acc[300:304], acc[-4:])

# a getter that raises for some items
class Maybe:
    def __init__(self, v):
        self.v = v

    @property
    def inv(self):
        return 100 // self.v


items = [Maybe(i % 7) for i in range(50)]
caught = 0
s = 0
for k in range(200):
    try:
        s += sum(m.inv for m in items[k % 7: k % 7 + 5])
    except ZeroDivisionError:
        caught += 1
print(s, caught)


# calls with effects stay calls: a counter, a list append, an iterator advanced
class Counter:
    def __init__(self):
        self.n = 0

    def tick(self, x):
        self.n += 1
        return x + self.n


c = Counter()
log = []


def note(x):
    log.append(x)
    return x


it = iter(range(10 ** 6))


def pull(x):
    return x + next(it)


a = b = d = 0
for k in range(400):
    a += sum(c.tick(x) for x in range(5))
    b += sum(note(x) for x in range(3))
    d += sum(pull(x) for x in range(2))
print(a, c.n, b, len(log), d)

# operator dunders in a generator (they make instances: called, not inlined)
vs = [V(i) for i in range(10)]
tot = V(0)
for k in range(300):
    for w in (v + vs[k % 10] for v in vs[:4]):
        tot = tot + w
print(tot.x, max(v for v in vs).x)


# a generator function calling helpers, iterated by a for loop
def pipeline(xs):
    for x in xs:
        yield scaled(x, 2)


out = 0
for k in range(500):
    for y in pipeline(range(k % 6)):
        out += y
print(out)
