# Tuples of every length around the six items kept inside the object
# (src/object/tuple.rs): made, indexed, unpacked, iterated, sliced, hashed and
# compared in hot loops, so traces read short and long tuples alike.

def make(n, i):
    return tuple(range(i, i + n))


def run(n):
    total = 0
    seen = {}
    for i in range(300):
        t = make(n, i)
        total += len(t)
        if t:
            total += t[0] + t[-1] + t[len(t) // 2]
        for x in t:
            total += x
        total += sum(t[1:]) + len(t[:3])
        seen[t] = i
        total += (t < make(n, i + 1)) + (t == make(n, i))
    return total, len(seen)


for n in range(10):
    print(n, run(n))


def pairs(k):
    acc = 0
    for i in range(k):
        p = (i, i + 1)
        a, b = p
        q = (a, b, a, b, a, b)
        r = q + (i,)
        c, d, e, f, g, h = q
        acc += a + b + c + h + r[6] + len(r)
    return acc


print(pairs(500))
big = tuple(range(7))
print(big, big[6], big[-7], hash(big) == hash(tuple(list(big))))
small = (1, 2, 3, 4, 5, 6)
print(small, small + (7,), small * 2, small[::-1])
print(tuple(), () == tuple(), (1,) * 7)
