# Loops over dicts (keys, values, items) and sets, `k in (tuple of strs)`, and
# `type(x)(...)`, in traces; a dict or set changing size mid-iteration raises
# as in CPython.
class Node:
    def __init__(self, name, size):
        self.name = name
        self.size = size

    def copy(self):
        return type(self)(self.name, self.size + 1)


class Leaf(Node):
    pass


def run(n):
    d = {"k%d" % i: i for i in range(50)}
    s = set(range(0, 100, 3))
    t = 0
    exts = (".py", ".rs", ".md")
    names = ["a.py", "b.txt", "c.rs", "d.md", "e"]
    for r in range(n):
        for k in d:
            t += len(k)
        for v in d.values():
            t += v
        for k, v in d.items():
            if v % 7 == r % 7:
                t += len(k)
        for x in s:
            t ^= x
        name = names[r % 5]
        t += (name[-3:] in exts) + (name[-2:] in ("md", 1, "rs"))
        nd = Node("n", r) if r % 2 else Leaf("l", r)
        t += nd.copy().size
        if r == n - 3:
            d["extra"] = 1
        if r == n - 2:
            try:
                for k in d:
                    d[k + "!"] = 0
            except RuntimeError as e:
                print("RuntimeError:", e)
            try:
                for x in s:
                    s.add(x + 1000)
            except RuntimeError as e:
                print("RuntimeError:", e)
    return t, len(d), len(s), type(nd.copy()).__name__


print(run(400))
