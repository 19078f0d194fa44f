# enumerate and zip over built-in iterators in traces (ENUM_NEXT, ZIP_NEXT):
# starts, strs, ranges with steps, reversed lists, three-way zips, uneven
# lengths (the first iterator's extra item is taken, as in CPython), strict
# zips that raise, a list growing while enumerated, counts past the inline ints,
# and iterators of other kinds left to the interpreter.
def sums(n):
    a = list(range(50))
    b = [x * 3 for x in a]
    t = 0
    for k in range(n):
        for i, x in enumerate(a):
            t += i * x
        for i, c in enumerate("h\u00e9llo", 10):
            t += i + len(c)
        for x, y in zip(a, b):
            t += y - x
        for x, y, z in zip(range(0, 30, 3), reversed(b), "abcdefghij"):
            t += x + y + ord(z)
    return t

print(sums(300))

def uneven(n):
    out = []
    for k in range(n):
        it = iter(range(10))
        short = [1, 2, 3][: k % 4]
        pairs = 0
        for x, y in zip(it, short):
            pairs += x * y
        out.append((pairs, next(it, None)))
    return out[:8], len(out)

print(uneven(200))

def strict(n):
    bad = 0
    for k in range(n):
        try:
            for x, y in zip([1, 2, 3], [4, 5, 6][: 3 - k % 2], strict=True):
                pass
        except ValueError as e:
            bad += 1
            msg = str(e)
    return bad, msg

print(strict(100))

def growing(n):
    items = [0]
    seen = 0
    for i, x in enumerate(items):
        if i < n:
            items.append(x + 1)
        seen += x
    return seen, len(items)

print(growing(3000))

def big_counts(n):
    t = 0
    for i, x in enumerate(range(n), 2**47 - 100):
        t += i - x
    return t

print(big_counts(500))

def gens(n):
    t = 0
    for k in range(n):
        for i, x in enumerate(v * 2 for v in range(5)):
            t += i * x
        for x, y in zip((v for v in range(4)), range(10)):
            t += x + y
    return t

print(gens(200))

def pairs_of_one(n):
    t = []
    for k in range(n):
        it = iter(range(k % 7))
        t.append([a * 10 + b for a, b in zip(it, it)])
    return t[:8]

print(pairs_of_one(100))
