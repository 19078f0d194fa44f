# Tuples built in hot loops: packed and unpacked at once, indexed with
# constants, kept on some iterations only, of every length up to nine.


def divmod_pair(a, b):
    return a // b, a % b


def walk(n):
    total = 0
    kept = []
    for i in range(1, n):
        q, r = divmod_pair(i * 7, 5)
        t = (q, r)
        total += t[0] - t[-1] + t[1] * 2
        if r == 3:
            kept.append(t)
        if i % 97 == 0:
            kept.append((i,))
    return total, len(kept), kept[:3], kept[-1]


def long_tuples(n):
    acc = 0
    last = None
    for i in range(n):
        t3 = (i, i + 1, i + 2)
        t5 = (i, "a", 2.5, None, t3)
        t8 = (1, 2, 3, 4, 5, 6, 7, i)
        t9 = (1, 2, 3, 4, 5, 6, 7, 8, i)
        a, b, c = t3
        acc += a + b + c + t5[4][2] + t8[-1] + t9[8] + len(t9)
        if i == n - 1:
            last = (t3, t5, t8, t9)
    return acc, last


def identity(n):
    seen = []
    for i in range(n):
        p = (i, -i)
        seen.append(p)
        x, y = p
        if x + y != 0:
            print("bad", p)
    first = seen[0]
    return first, first is seen[0], seen[-1] == (n - 1, -(n - 1)), type(seen[-1]).__name__


def mismatched(n):
    errors = 0
    for i in range(n):
        t = (i, i) if i % 50 else (i,)
        try:
            a, b = t
        except ValueError as e:
            errors += 1
            msg = str(e)
    return errors, msg


print(walk(3000))
print(long_tuples(2000))
print(identity(500))
print(mismatched(400))
