# Slices the trace never makes (sunk): `seq[a:b]` and `lst[a:b] = v` read the
# bounds directly, and an exit between building the slice and using it makes
# the slice object then. The exits here: a sequence that turns into an object
# whose __getitem__/__setitem__ keeps the slice it got (identity and fields
# must be those of a real slice), bounds that stop being ints, a str/tuple/list
# mix, `x[a:b] += y` (the slice is used twice), `del x[a:b]`, and slices made
# in a loop that also allocates enough to collect.
class Keeper:
    def __init__(self):
        self.kept = []

    def __getitem__(self, key):
        self.kept.append(key)
        return [key.start, key.stop, key.step]

    def __setitem__(self, key, value):
        self.kept.append((key, value))


def mixed(n):
    k = Keeper()
    seqs = [list(range(10)), tuple(range(10)), "abcdefghij"]
    out = []
    for i in range(n):
        s = seqs[i % 3] if i % 17 != 16 else k
        lo = i % 5
        hi = lo + 3 if i % 23 != 22 else None
        out.append(s[lo:hi])
        out.append(s[hi:lo:-1])
        out.append(s[::2])
    same = [x is y for x, y in zip(k.kept, k.kept[1:])]
    return len(out), out[-7:], [(x.start, x.stop, x.step) for x in k.kept], same


print(mixed(300))


def unguarded(n):
    # the sequence and the bounds come out of lists unchecked: the slicing
    # helper itself finds the Keeper or the float and leaves, and the exit
    # makes the slice the Keeper keeps
    k = Keeper()
    seqs = [list(range(10))] * 12 + [k]
    bounds = [1] * 9 + [2.5]
    out = 0
    for i in range(n):
        s = seqs[i % 13]
        b = bounds[i % 10]
        try:
            out += len(s[b:b + 2])
            out += len(s[b::-1])
        except TypeError:
            out += 100
    kept = [(x.start, x.stop, x.step) for x in k.kept]
    return out, kept[:3], len(kept), len(set(map(id, k.kept)))


print(unguarded(400))


def float_bounds(n):
    a = list(range(20))
    total = 0
    for i in range(n):
        b = i % 7 if i % 11 else 2.0
        try:
            total += len(a[b:b + 5])
        except TypeError as e:
            total += 1000
            last = str(e)
    return total, last


print(float_bounds(200))


def assign(n):
    k = Keeper()
    out = []
    for i in range(n):
        a = list(range(8)) if i % 13 != 12 else k
        a[i % 3:i % 3 + 2] = [i, i, i]
        a[::-2] = "vwxyz"
        out.append(a if isinstance(a, list) else None)
    kept = [(x.start, x.stop, x.step, v) for x, v in k.kept]
    return out[-3:], kept[:4], len(kept)


print(assign(120))


def augmented(n):
    a = list(range(12))
    t = 0
    for i in range(n):
        a[2:4] += [i]
        del a[5:6]
        a[i % 4:i % 4 + 1] = a[i % 4:i % 4 + 1]
        t += len(a)
    return t, a


print(augmented(150))


def churn(n):
    # many slices between collections: a sunk slice is never a root, and
    # the parts an exit needs stay alive
    src = [str(i) for i in range(50)]
    total = 0
    for i in range(n):
        part = src[i % 40:i % 40 + 10]
        total += len("".join(part[::3]))
    return total


print(churn(20000))
