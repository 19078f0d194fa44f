# A loop's trace calls functions it cannot inline (their loops run a
# different number of times per call) and whose own entry traces are
# compiled: the call enters the callee's trace directly. The callee may
# return from its trace, leave it mid-way, raise, recurse, be a method or a
# closure, or be replaced while the caller's trace runs.


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt

    def length(self):
        n = 0
        node = self
        while node is not None:
            n += 1
            node = node.next
        return n

    def total(self, scale):
        s = 0
        node = self
        while node is not None:
            s += node.value * scale
            node = node.next
        return s


def chain(n):
    node = None
    for i in range(n):
        node = Node(i, node)
    return node


def digits(n):
    count = 0
    while n:
        n //= 10
        count += 1
    return count


def checked(n):
    k = 0
    while k < n:
        k += 2
    if k > 40:
        raise ValueError("too long: %d" % k)
    return k


def depth(n):
    if n <= 1:
        return 1
    return 1 + depth(n - 1)


def make_counter(step):
    def count_to(n):
        c = 0
        i = 0
        while i < n:
            i += step
            c += 1
        return c

    return count_to


chains = [chain(i % 7) for i in range(10)]
lengths = 0
totals = 0
for rep in range(300):
    for c in chains:
        if c is not None:
            lengths += c.length()
            totals += c.total(rep % 3)
print(lengths, totals)

ds = 0
for i in range(3000):
    ds += digits(i * 37)
print(ds)

errors = 0
ks = 0
for i in range(400):
    try:
        ks += checked(i % 45)
    except ValueError as e:
        errors += 1
        last = str(e)
print(ks, errors, last)

ds = 0
for i in range(600):
    ds += depth(i % 9 + 1)
print(ds)

by3 = make_counter(3)
cs = 0
for i in range(2000):
    cs += by3(i % 20)
print(cs)

# the callee replaced while the caller's trace runs
out = []
for i in range(1500):
    if i == 1000:
        def digits(n):
            return -1
    out.append(digits(i))
print(sum(out), out[999], out[1000])

# a callee that sometimes returns a float, or a value made in its trace
def half_or_pair(n):
    s = 0
    for j in range(n % 4):
        s += j
    if n % 5 == 0:
        return s / 2
    if n % 7 == 0:
        return (s, n)
    return s


acc = 0
pairs = []
for i in range(2000):
    r = half_or_pair(i)
    if isinstance(r, tuple):
        pairs.append(r)
    else:
        acc += r
print(acc, len(pairs), pairs[:3])
