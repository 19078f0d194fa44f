# Exits inside generators inlined into a loop grow side traces that start in
# the generator and go on through its yield into the loop (src/jit/generators.rs):
# filters that skip items, generators with loops of their own, `next(g)`.


def numbers(n):
    for i in range(n):
        yield i


def words(lines):
    for line in lines:
        for w in line.split():
            yield w


def keep(ws, bad):
    for w in ws:
        if w not in bad and len(w) > 2:
            yield w


def lower(ws):
    for w in ws:
        w = w.lower()
        if w:
            yield w


def pipeline(n):
    lines = ["The quick brown Fox jumps over a lazy dog %d times" % i for i in range(n)]
    counts = {}
    total = 0
    for w in keep(lower(words(lines)), {"the", "a", "over"}):
        counts[w] = counts.get(w, 0) + 1
        total += len(w)
    return total, sorted(counts.items())[:5]


def odd_squares(src):
    for x in src:
        if x % 3 == 0:
            continue
        if x % 2:
            yield x * x
        else:
            yield -x


def sums(n):
    s = 0
    for v in odd_squares(numbers(n)):
        s += v
    return s


def pairs(n):
    g = numbers(n)
    out = 0
    while True:
        a = next(g, None)
        if a is None:
            break
        if a % 4 == 0:
            out += a
        else:
            out -= 1
    return out


def chunks(n):
    # a generator whose items come from an inner loop of varying length
    def runs(limit):
        k = 0
        while k < limit:
            for j in range(k % 5):
                yield j + k
            k += 1

    t = 0
    for v in runs(n):
        if v % 7 == 3:
            t += 100
        t += v
    return t


def raising(n):
    def gen(items):
        for x in items:
            if x == n - 3:
                raise ValueError("item %d" % x)
            if x % 2:
                yield x

    s = 0
    try:
        for v in gen(range(n)):
            s += v
    except ValueError as e:
        return s, str(e)
    return s


print(pipeline(400))
print(sums(5000))
print(pairs(3000))
print(chunks(2000))
print(raising(1000))
