# Methods of exact built-in types called in hot loops (a constant under a class
# guard, one residual call), subclasses of them (the guard fails), wrong
# arguments (the call raises inside the trace), and __slots__ classes made in a
# loop (their attribute added as on plain instances).


class MyStr(str):
    def upper(self):
        return "my:" + str.upper(self)


class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(%d)" % self.cents


class Pair:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def text(lines):
    counts = {}
    for line in lines:
        head, sep, tail = line.partition("=")
        key = head.strip().lower()
        if line.startswith("#") or not sep:
            continue
        counts[key] = counts.get(key, 0) + len(tail.split(","))
        if tail.rfind("x") >= 0:
            counts["x"] = counts.setdefault("x", 0) + 1
    return sorted(counts.items())


def lists(n):
    a = list(range(8))
    seen = set()
    for i in range(n):
        a.insert(i % 5, a.pop(0))
        seen.add(a[3])
        if a.index(7) == 0:
            a.reverse()
    return a, sorted(seen), a.count(3)


def mixed(items):
    out = []
    for s in items:
        out.append(s.upper())
    return out


def bad_args(n):
    msgs = []
    s = "abc"
    for i in range(n):
        try:
            s.split(",", "x" if i == n - 1 else 1)
        except TypeError as e:
            msgs.append(str(e))
        try:
            [].pop(5 if i == n - 2 else None) if i >= n - 2 else None
        except (TypeError, IndexError) as e:
            msgs.append(type(e).__name__ + ": " + str(e))
    return msgs


def money(n):
    total = 0
    last = None
    for i in range(n):
        m = Money(i)
        total += m.cents
        last = m
    try:
        last.other = 1
    except AttributeError as e:
        print(e)
    p = None
    for i in range(n):
        p = Pair(i)
        p.b = i * 2
    return total, last, p.a, p.b


print(text(["a = 1,2", "B=3", "# c=4", "b= x,y,z", "noeq", " A =9,x"] * 50))
print(lists(400))
print(mixed(["ab", MyStr("cd"), "ef"] * 40)[-4:])
print(bad_args(300))
print(money(500))



def native_methods(n):
    # random's generator: methods of a module's native type in Coil
    import random
    r = random.Random(5)
    out = []
    for i in range(n):
        out.append(r.randrange(10) + r.randint(1, 3))
    return out[-6:], sum(out)


print(native_methods(300))
