# A `for` over a generator inlines the generator's resumption into the loop's
# trace: the generator's frame stays real (locals, stack, pc), so a generator
# left half-way, resumed elsewhere, inspected, re-entered or failing behaves as in
# the interpreter. Loops inside generators (genexprs) leave their traces at the
# yield.


def count_up(n, start=0):
    i = start
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def pipeline(n):
    total = 0
    for x in evens(squares(count_up(n))):
        total = (total + x) % 1000003
    return total


print("pipeline", pipeline(3000))


def half_then_rest(n):
    # a generator left after a break keeps its state for the next loop
    g = squares(count_up(n))
    first = 0
    for x in g:
        first += x
        if x > n * 10:
            break
    rest = 0
    for y in g:
        rest += y
    return first, rest, list(g)


print("half", half_then_rest(500))


def mixed_types(n):
    # the yielded values change type part-way: guards inside the generator fail
    def gen():
        for i in range(n):
            if i < n // 2:
                yield i
            else:
                yield i + 0.5
    s = 0
    for v in gen():
        s += v * 2
    return s


print("mixed", mixed_types(400))


def failing(n):
    def gen():
        for i in range(n):
            yield 100 // (n - 300 - i)
    out = []
    try:
        for v in gen():
            out.append(v)
    except ZeroDivisionError as e:
        out.append(str(e))
    return len(out), out[-3:]


print("failing", failing(400))


def running_flag(n):
    seen = []

    def gen():
        for i in range(n):
            seen.append(g.gi_running)
            yield i

    g = gen()
    t = 0
    for v in g:
        t += v
    return t, all(seen), len(seen), g.gi_running


print("running", running_flag(300))


def reentrant(n):
    def gen():
        for i in range(n):
            if i == n - 5:
                try:
                    next(g)
                except ValueError as e:
                    yield str(e)
                    continue
            yield i

    g = gen()
    return [v for v in g][-6:]


print("reentrant", reentrant(200))


def two_yields(n):
    def gen():
        for i in range(n):
            yield i
            yield -i
    t = 0
    for v in gen():
        t += v * v + v
    return t


print("two_yields", two_yields(500))


def closures_in_generators(n):
    scale = 3
    offset = [0]

    def gen():
        for i in range(n):
            offset[0] += 1
            yield i * scale + offset[0]

    t = 0
    for v in gen():
        t += v
    return t, offset[0]


print("closure", closures_in_generators(600))


def try_in_generator(n):
    def gen():
        for i in range(n):
            try:
                yield i
            finally:
                pass
    t = 0
    for v in gen():
        t += v
    return t


print("try", try_in_generator(500))


def genexprs(n):
    a = sum(x % 7 for x in range(n) if x % 3)
    b = max(x * x % 101 for x in range(n))
    c = list(str(x) for x in range(n) if x % 50 == 0)
    d = any(x > n for x in range(n))
    return a, b, c[:4], d


print("genexprs", genexprs(2000))


def stateful(n):
    def fib():
        a, b = 0, 1
        while True:
            yield a
            a, b = b, (a + b) % 1000000007

    g = fib()
    f = 0
    for _ in range(n):
        f ^= next(g)
    for i, v in zip(range(n), g):
        f ^= v + i
    return f, next(g)


print("stateful", stateful(700))


def tuples_from_generators(n):
    def pairs(it):
        it = iter(it)
        for a in it:
            b = next(it, 0)
            yield a, b
    t = 0
    for a, b in pairs(count_up(n)):
        t += a - b
    return t


print("pairs", tuples_from_generators(1001))


def exhausted_generator_in_loop(n):
    # a new generator every outer iteration: the inner ones end each time
    t = 0
    for k in range(n):
        for v in squares(count_up(k % 7)):
            t += v
    return t


print("exhausted", exhausted_generator_in_loop(400))
