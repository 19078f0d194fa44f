# Generators made in traces by a helper (a call of a generator function runs
# none of its code): genexprs drained at once, generator functions of one and
# two arguments with defaults, one rebound to a plain function mid-loop, a
# call with the wrong arguments (TypeError from the interpreter), generators
# left half-way and closed.
def pairs(a, b=10):
    yield a
    yield a + b


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def run(n):
    total = 0
    errors = 0
    left = []
    gen = pairs
    for i in range(n):
        total += sum(x * x for x in range(i % 6))
        total += len(set(c for c in "abcab"[: i % 5]))
        total += sum(gen(i)) + sum(pairs(i, 2))
        g = count_up(i % 4 + 1)
        total += next(g)
        if i % 9 == 0:
            left.append(g)
        if i == n // 2:
            gen = lambda a: [a, 1]
        try:
            total += sum(pairs(i, 1, 2) if i % 50 == 49 else pairs(i))
        except TypeError as e:
            errors += 1
            msg = str(e)
    rest = [list(g) for g in left[:5]]
    for g in left:
        g.close()
    return total, errors, msg, rest


print(run(300))
