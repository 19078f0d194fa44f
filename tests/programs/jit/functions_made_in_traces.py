# Functions made inside hot loops (`def` with and without free variables,
# lambdas, comprehensions), called once, kept, or escaping through a list; a
# function made on some iterations only; the made functions' identity, names
# and closures.


def run(n):
    acc = 0
    kept = []
    for i in range(n):
        scale = i % 4

        def weigh(v):
            return v * scale

        acc += weigh(1)
        f = lambda x: x + 1
        acc += f(i) % 3
        if i % 100 == 0:
            kept.append(weigh)
        sq = [x * scale for x in range(3)]
        acc += sum(sq)
        if i == n // 2:
            def weigh(v):
                return -v
            acc += weigh(1000)
    return acc, [k(10) for k in kept][-3:], kept[0].__name__, kept[0].__qualname__


def plain(n):
    out = []
    for i in range(n):
        def g():
            return 7
        out.append(g)
    return len(set(map(id, out))) == len(out) or "shared", out[0](), out[-1].__closure__


print(run(1000))
print(plain(300))
