# `a, *b = xs` in traced loops: a residual call of the interpreter's own
# unpacking (lists, tuples, strings, generators, too few values).


def gen(k):
    for j in range(k):
        yield j * j


def run(n):
    rows = [(i, i + 1, i + 2, i + 3) for i in range(10)]
    t = 0
    words = ["alpha", "be", "cat", "delta"]
    notes = []
    for i in range(n):
        a, *b = rows[i % 10]
        *c, d = rows[(i + 3) % 10]
        e, *f, g = rows[i % 7]
        t += a + len(b) + b[-1] + d + c[0] + e + g + len(f)
        first, *rest = words[i % 4]
        t += len(rest) + ord(first)
        h, *tail = gen(i % 5 + 1)
        t += h + sum(tail)
        head, *mid, last = [i, i * 2]
        [*only] = gen(i % 3)
        t += len(only) * 7 + sum(only)
        t += head + last + len(mid)
        if i % 100 == 0:
            try:
                x, y, *z = (i,)
            except ValueError as ex:
                notes.append(str(ex))
    return t, len(notes), notes[:1]


print(run(3000))
print(run(20))
