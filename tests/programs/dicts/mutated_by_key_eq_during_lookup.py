# A key's __eq__ that grows, clears or empties the dict being searched: the
# lookup starts again, as CPython's lookdict does, and never reads a stale table.
class K:
    def __init__(self, h, d=None, action=None):
        self.h = h
        self.d = d
        self.action = action
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        if self.action and self.d is not None:
            act, self.action = self.action, None
            act(self.d)
        return isinstance(other, K) and self.h == other.h
    def __repr__(self):
        return f"K({self.h})"

def grow(d):
    for i in range(100):
        d[1000 + i] = i
def clear(d):
    d.clear()
def delete_all_k(d):
    for k in [k for k in d if isinstance(k, K)]:
        del d[k]

for name, act in [("grow", grow), ("clear", clear), ("delete", delete_all_k)]:
    d = {}
    stored = K(7, d, act)
    d[stored] = "v"
    probe = K(7)
    try:
        print(name, "get", d.get(probe), len(d))
    except Exception as e:
        print(name, "get raised", type(e).__name__)
    d2 = {}
    stored = K(7, d2, act)
    d2[stored] = "v"
    d2[K(7)] = "w"
    print(name, "set", list(d2.values())[0], len(d2))
    d3 = {}
    stored = K(7, d3, act)
    d3[stored] = "v"
    try:
        del d3[K(7)]
        print(name, "del ok", len(d3))
    except KeyError:
        print(name, "del KeyError", len(d3))
    d4 = {}
    stored = K(7, d4, act)
    d4[stored] = 1
    print(name, "in", K(7) in d4)
    d5 = {}
    stored = K(7, d5, act)
    d5[stored] = 1
    print(name, "diff", len({K(7), 3}.difference(d5)))
    d6 = {}
    stored = K(7, d6, act)
    d6[stored] = 1
    print(name, "pop", d6.pop(K(7), "missing"))
    d7 = {}
    stored = K(7, d7, act)
    d7[stored] = 1
    print(name, "setdefault", d7.setdefault(K(7), 2), len(d7))
