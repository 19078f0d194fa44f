# Recursive functions whose traces call themselves deeper than the inlining
# limit: each nested run of a trace gets its own `vals` window, so the waiting
# run's values survive (sums, identities and exceptions come out as in the
# interpreter), and recursion deeper than the windows runs interpreted.
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


total = 0
for d in range(4, 11, 2):
    for i in range(6):
        total += check_tree(make_tree(d))
print("trees", total)


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)

    def size(self):
        n = 1
        for c in self.children:
            n += c.size()
        return n

    def names(self, prefix=""):
        out = [prefix + self.name]
        for c in self.children:
            out.extend(c.names(prefix + self.name + "/"))
        return out


def build(depth, width, tag="n"):
    if depth == 0:
        return Node(tag)
    return Node(tag, [build(depth - 1, width, tag + str(k)) for k in range(width)])


root = build(5, 3)
print("size", root.size(), sum(build(4, 2).size() for _ in range(40)))
names = root.names()
print("names", len(names), names[:3], names[-1])


# A value kept across the recursive call: the waiting run's registers and
# homes must hold it (a shared `vals` would have the inner run overwrite it).
def weave(n, acc):
    if n <= 0:
        return acc
    here = (n * 7) % 13
    below = weave(n - 1, acc + here)
    return below * 3 % 1000003 + here


print("weave", [weave(k, 1) for k in range(0, 120, 7)])


# Exceptions raised deep in the recursion, caught at various depths.
def dive(n, limit):
    if n == limit:
        raise ValueError(n)
    try:
        return dive(n + 1, limit) + 1
    except ValueError as e:
        if n % 3 == 0:
            return -e.args[0]
        raise


caught = []
for limit in range(1, 40):
    try:
        caught.append(dive(0, limit))
    except ValueError as e:
        caught.append(("up", e.args[0]))
print("dive", caught[:8], caught[-3:])


# Deeper than the windows nest: the runs past them are interpreted.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


sys.setrecursionlimit(5000)
print("depth", [depth(k) for k in (10, 200, 900, 1500)])


# Fibonacci with memo dict and without: calls return into waiting runs.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


memo = {}


def mfib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else mfib(n - 1) + mfib(n - 2)
    memo[n] = r
    return r


print("fib", fib(20), [mfib(k) for k in (30, 60, 90)])


# Mutual recursion through a generator and a function.
def walk(t):
    if isinstance(t, list):
        for x in t:
            yield from walk(x)
    else:
        yield t


def nest(n):
    return [n] if n == 0 else [n, nest(n - 1), [nest(n - 2)] if n > 1 else 0]


print("walk", sum(walk(nest(12))), len(list(walk(nest(10)))))
