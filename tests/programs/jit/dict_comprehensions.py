# Dict comprehensions in hot code: MapAdd into the new dict through the
# dict helper for pure keys; other keys (tuples, objects with __hash__)
# leave through its exit and run in the interpreter.


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v % 5)

    def __eq__(self, o):
        return isinstance(o, Key) and self.v % 5 == o.v % 5


def run(n):
    t = 0
    last = None
    for i in range(n):
        d = {k: k * i for k in range(8)}
        s = {str(k): v for k, v in d.items() if v % 2 == 0}
        m = {(k, k + 1): k for k in range(3)} if i % 7 == 0 else {}
        t += d[7] + len(s) + len(m)
        if i % 500 == 0:
            o = {Key(j): j for j in range(12)}
            t += len(o) + sum(o.values())
        last = s
    return t, last


print(run(3000))
print({k: 1 for k in [1, 1.0, True]}, {k: k for k in "abca"})
