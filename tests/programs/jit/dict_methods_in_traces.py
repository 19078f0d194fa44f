# dict.get and dict.setdefault in hot loops (helpers for exact dicts and keys
# that run no Python code), with keys that are not such (a str subclass with its
# own __eq__/__hash__, an unhashable list), defaults that are objects, and dict
# subclasses with their own get.


class Key(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        return str(self) == str(other)


class Defaulting(dict):
    def get(self, k, d=None):
        return "sub"


def counts(words):
    c = {}
    groups = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
        groups.setdefault(len(w), []).append(w)
        if c.get(w) is None:
            print("never")
    return sorted(c.items()), sorted((k, len(v)) for k, v in groups.items())


def odd_keys(n):
    d = {"a": 1, 2: "two"}
    out = []
    for i in range(n):
        k = Key("a") if i % 50 == 49 else ("a" if i % 2 else 2)
        out.append(d.get(k, "none"))
        if i == n - 1:
            try:
                d.get([1])
            except TypeError as e:
                out.append(str(e))
            try:
                d.setdefault([1], 0)
            except TypeError as e:
                out.append(str(e))
    return out[-6:], len(out)


def subclass(ds):
    out = []
    for d in ds:
        out.append(d.get("x", 0))
        out.append(d.setdefault("y", []))
    return out[-6:]


print(counts(["ab", "c", "ab", "de", "f", "ab", "c"] * 80))
print(odd_keys(300))
print(subclass([{"x": 1}, Defaulting(x=2), {}] * 40))
