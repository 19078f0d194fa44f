# Set operations whose __eq__ empties the sets being compared (CPython's bpo-46615
# test): the lookup restarts on the new table, keys stay alive; no crash.
from random import randrange, seed

seed(5)


def run(f):
    lens = []
    for _ in range(40):
        class Bad:
            def __eq__(self, other):
                if not enabled:
                    return False
                if randrange(20) == 0:
                    set1.clear()
                if randrange(20) == 0:
                    set2.clear()
                return bool(randrange(2))

            def __hash__(self):
                return randrange(2)

        enabled = False
        set1 = set(Bad() for _ in range(randrange(30)))
        set2 = set(Bad() for _ in range(randrange(30)))
        enabled = True
        try:
            f(set1, set2)
        except RuntimeError as e:
            lens.append(str(e))
        lens.append(len(set1) >= 0 and len(set2) >= 0)
    return all(lens)


def isub(a, b):
    a -= b


def ixor(a, b):
    a ^= b


def iand(a, b):
    a &= b


def ior(a, b):
    a |= b


for name, f in [("eq", lambda a, b: a == b), ("le", lambda a, b: a <= b),
                ("and", lambda a, b: a & b), ("or", lambda a, b: a | b),
                ("sub", lambda a, b: a - b), ("xor", lambda a, b: a ^ b),
                ("isub", isub), ("ixor", ixor), ("iand", iand), ("ior", ior)]:
    print(name, run(f))
s = {1, 2, 3}
s -= {2}
print(sorted(s), len(s))
