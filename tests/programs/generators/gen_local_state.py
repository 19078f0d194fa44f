def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
                nxt.append(g)
            except StopIteration:
                pass
        gens = nxt

print(list(interleave("abc", [1, 2], range(10, 14))))

def windows(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(windows([1, 2, 3, 4, 5], 3)))

def pairwise(it):
    it = iter(it)
    prev = next(it)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise("abcd")))

def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique([3, 1, 3, 2, 1, 5])))

def running(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(running(range(1, 8))))

gens = [running([i, i]) for i in range(3)]
print([list(g) for g in gens])
def two_independent():
    a = running([1, 1, 1])
    b = running([1, 1, 1])
    return next(a), next(a), next(b), next(a), next(b)
print(two_independent())
def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i+1:]):
            yield items[i:i+1] + p
print(list(permutations([1, 2, 3])))
