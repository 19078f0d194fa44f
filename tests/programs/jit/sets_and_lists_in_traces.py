# Set comprehensions, `in` on sets and frozensets, and small list displays in hot
# loops, with keys the helpers leave to the interpreter (a str subclass with its
# own __eq__/__hash__ colliding with a str in the set, an unhashable list).


class Key(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        print("eq", str(self), other)
        return str(self) == str(other)


STOP = frozenset({"the", "a", "of"})


def uniques(rows):
    out = []
    for row in rows:
        s = {w for w in row}
        out.append(len(s))
    return out[-5:], sum(out)


def filters(words):
    kept = []
    seen = set()
    for w in words:
        if w in STOP or w in seen:
            continue
        seen.add(w)
        kept.append(w)
    return kept


def odd(n):
    s = {"a", 1, "b"}
    out = []
    for i in range(n):
        k = Key("a") if i == n - 3 else ("a" if i % 2 else 3)
        out.append(k in s)
        if i == n - 1:
            try:
                out.append([1] in s)
            except TypeError as e:
                out.append(str(e))
            try:
                out.append({w for w in ([1],)})
            except TypeError as e:
                out.append(str(e))
    return out[-5:]


def lists(n):
    keep = []
    for i in range(n):
        a = []
        b = [i]
        c = [i, -i]
        a.append(b)
        if i % 100 == 0:
            keep.append((a, c))
        [i, i]
    return keep[-2:], len(keep)


print(uniques([["a", "b", "a"], ["x"], [], ["p", "q", "r", "p"]] * 50))
print(filters("the cat of a dog the cat sat a mat".split() * 20))
print(odd(200))
print(lists(1000))
