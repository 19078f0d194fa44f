# Tuples the trace never makes (sunk): enumerate, zip and dict.items() leave
# each step's items in registers and unpacking reads them. A loop target that
# is not unpacked has its tuple made (one object, however often it is used);
# a zip of another arity at the same loop, a dict resized during items(), an
# enumerate counting past the inline ints and uneven zips leave the trace.
def pairs(n):
    a = list(range(12))
    b = [x * x for x in a]
    d = {str(i): i for i in range(12)}
    t = 0
    kept = []
    for k in range(n):
        for i, x in enumerate(a, k):
            t += i * x
        for x, y in zip(a, b):
            t += y - x
        for key, v in d.items():
            t += v + len(key)
        for p in enumerate(b):
            if p[0] == k % 12:
                kept.append(p)
                kept.append(p)
        for q in zip(b, a, "abcdefghijkl"):
            if q[2] == "c":
                t += q[0] + q[1]
    same = all(kept[i] is kept[i + 1] for i in range(0, len(kept), 2))
    return t, kept[-4:], same, len(kept)


print(pairs(300))


def arities(n):
    a = list(range(6))
    out = []
    for k in range(n):
        z = zip(a, a[1:]) if k % 7 else zip(a, a, a)
        for t in z:
            if len(t) == 3:
                out.append(t[0] + t[1] + t[2])
            else:
                x, y = t
                out.append(x * y)
    return sum(out), out[-8:]


print(arities(100))


def resized(n):
    errors = 0
    total = 0
    for k in range(n):
        d = {i: i for i in range(5)}
        try:
            for key, v in d.items():
                total += v
                if k % 9 == 8 and key == 3:
                    d[k + 100] = 0
        except RuntimeError as e:
            errors += 1
            msg = str(e)
    return total, errors, msg


print(resized(200))


def big_counts(n):
    t = 0
    for i, c in enumerate("abc" * n, 2**47 - 40):
        t += i % 1000 + ord(c)
    return t


print(big_counts(30))


def uneven(n):
    t = 0
    for k in range(n):
        for x, y in zip(range(k % 5), "abcdefgh"):
            t += x + ord(y)
        for x, y in zip("abcdefgh", range(k % 4)):
            t += y
    return t


print(uneven(300))


def churn(n):
    # items read from registers across collections: nothing but the loop's
    # own objects keeps them
    d = {}
    for k in range(n):
        for i, s in enumerate([str(k % 50), str(k % 7)]):
            d[s] = i
        for key, v in list(d.items())[-2:]:
            d[key] = v + len(key)
    return len(d), sum(d.values())


print(churn(4000))
