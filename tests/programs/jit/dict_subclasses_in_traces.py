# Item access on dict subclasses read by dict's own helpers under a guard on
# the class: Counter, defaultdict, OrderedDict and a user's subclass. Missing
# keys leave for `__missing__` (Counter's 0, defaultdict's factory, a user's
# own), keys that are not plain (tuples) go through the interpreter, and a
# class that gains its own `__getitem__` mid-loop is seen at once.
from collections import Counter, OrderedDict, defaultdict


class Plain(dict):
    pass


class Missing(dict):
    def __missing__(self, key):
        return len(key)


def counts(n):
    c = Counter()
    d = defaultdict(list)
    od = OrderedDict()
    p = Plain()
    m = Missing()
    words = ["ab", "cd", "ab", "efg", "ab", "cd", "h"] * 3
    hits = 0
    for i in range(n):
        w = words[i % len(words)]
        c[w] += 1
        c[i % 5] += 2
        d[w].append(i)
        od[w] = od.get(w, 0) + 1
        p[w] = i
        hits += m[w] + (w in c) + (i in c) + ("zz" in p)
        if i % 50 == 49:
            c[(i, w)] += 1
    return (sorted(c.items(), key=str)[:6], len(c), {k: len(v) for k, v in d.items()},
            list(od.items()), sorted(p.items()), hits, m)


print(counts(400))


def changing(n):
    class Sub(dict):
        pass

    s = Sub(a=1, b=2)
    out = []
    for i in range(n):
        if i == n // 2:
            Sub.__getitem__ = lambda self, k: "own " + k
        out.append(s["a"])
        s["b"] = i
    return out[n // 2 - 2:n // 2 + 2], s


print(changing(100))


def missing_then_present(n):
    c = Counter()
    for i in range(n):
        c[i % 97] += 1
    d = defaultdict(int)
    for i in range(n):
        d[str(i % 13)] += i
    return sum(c.values()), len(c), sorted(d.items())[:3]


print(missing_then_present(3000))
