# Slicing inside hot loops: list, tuple and str slices with every bound form,
# slice assignment (plain and extended), and the cases the helpers leave to the
# interpreter (bounds that are not ints, a step of zero, a length mismatch,
# items that are not a list).


def reversals(n):
    perm = list(range(9))
    flips = 0
    for i in range(n):
        k = perm[0] or (i % 8) + 1
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        perm = perm[1:] + perm[:1]
    return flips, perm


def text_slices(words):
    out = []
    for w in words:
        out.append(w[:3] + "|" + w[-2:] + "|" + w[::2] + "|" + w[::-1] + "|" + w[1:-1:3])
    return out


def tuple_slices(n):
    t = tuple(range(12))
    total = 0
    for i in range(n):
        a = t[i % 5:]
        b = t[:i % 7]
        c = t[i % 3::2]
        d = t[::-3]
        total += len(a) + sum(b) + len(c) + d[0]
    return total


def copies(n):
    src = [1, 2, 3, 4]
    keep = []
    for i in range(n):
        c = src[:]
        c.append(i)
        if i % 50 == 0:
            keep.append(c)
    return len(keep), keep[-1], src


def odd_bounds(n):
    data = list(range(20))
    seen = []
    for i in range(n):
        lo = 2.0 if i == n - 3 else 2
        try:
            seen.append(len(data[lo:5]))
        except TypeError as e:
            seen.append(str(e))
        step = 0 if i == n - 2 else 1
        try:
            seen.append(len(data[::step]))
        except ValueError as e:
            seen.append(str(e))
    return seen[-6:]


class Idx:
    def __index__(self):
        return 3


def index_bounds(n):
    data = list(range(10))
    out = 0
    for i in range(n):
        hi = Idx() if i % 40 == 39 else 4
        out += len(data[1:hi])
    return out


def extended_assign(n):
    data = list(range(10))
    errors = 0
    for i in range(n):
        vals = [i] * (5 if i % 97 else 4)
        try:
            data[::2] = vals
        except ValueError as e:
            errors += 1
            msg = str(e)
        data[1::2] = (i, i, i, i, i)
        data[2:4] = (x for x in (7, 8))
    return errors, msg, data


def shared(n):
    a = list(range(6))
    for i in range(n):
        a[:] = a[::-1]
        a[1:3] = a[1:3]
    return a


print(reversals(300))
print(text_slices(["alphabet", "héllo wörld", "ab", "", "xyz" * 5] * 60)[-5:])
print(tuple_slices(500))
print(copies(400))
print(odd_bounds(200))
print(index_bounds(300))
print(extended_assign(300))
print(shared(301))
