# Dict displays and int(str) in hot loops: empty, one pair and many, keys that
# run Python code for their hash or equality (left to the interpreter),
# duplicate keys, unhashable keys raising inside the loop, and int() of strs
# with signs, spaces, underscores, big values and bad text.


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __repr__(self):
        return f"Key({self.k})"


def records(n):
    out = []
    for i in range(n):
        d = {}
        e = {"i": i}
        f = {"time": i, "level": "INFO" if i % 3 else "WARN", 1: i * 2, "i": -i, "time": 0}
        d["x"] = len(e) + len(f)
        if i % 97 == 0:
            out.append((d, e, f))
    return out[-2:], len(out)


def odd(n):
    out = []
    for i in range(n):
        k = Key(i % 3) if i % 50 == 49 else i % 3
        d = {k: i, "z": 0}
        out.append(len(d))
        if i == n - 1:
            try:
                {[i]: 1, "a": 2}
            except TypeError as e:
                out.append(str(e))
    return out[-4:]


def parse(texts):
    total = 0
    errs = []
    for t in texts:
        try:
            total += int(t)
        except ValueError as e:
            errs.append(str(e))
    return total, errs[-3:], len(errs)


print(records(1000))
print(odd(300))
print(parse(["12", " -7 ", "+3", "1_000", "99999999999999999999", "x1", "", "0"] * 40))
