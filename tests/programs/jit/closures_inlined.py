# Calls of closures are inlined into traces: their free variables are the cells of
# the (guarded) function. Exits inside the inlined closure rebuild its frame with
# those cells, so the interpreter reads and writes them there too.


def outer(n):
    base = 10

    def add(x):
        y = x + base
        if x == n - 5:
            y = y * 1.5  # leaves the trace inside the inlined call
        return y + base  # the free variable again, after the exit

    t = 0
    for i in range(n):
        t += add(i)
    return t


print(outer(300))


def counters(n):
    count = 0

    def inc(step):
        nonlocal count
        count += step
        if count > 10**6:
            count = -count  # a branch taken late: an exit inside the closure
        return count

    last = 0
    for i in range(n):
        last = inc(i)
    return count, last


print(counters(2000))


def compose(f, g):
    def h(x):
        return f(g(x))

    return h


def pipeline(n):
    k = 3
    double = lambda v: v * 2
    shift = lambda v: v + k
    both = compose(double, shift)
    s = 0
    for i in range(n):
        s += both(i)
        if i == n // 2:
            k = 100  # the lambda reads the cell: it sees the change
    return s


print(pipeline(400))


def made_in_loop(n):
    # a closure built in every iteration is called, not inlined
    s = 0
    for i in range(n):
        m = i % 4
        f = lambda v: v * m
        s += f(i)
    return s


print(made_in_loop(500))


class Base:
    def scale(self, x):
        return x * 2


class Derived(Base):
    # zero-argument super() reads the method's own frame (its __class__ cell
    # and first argument): such a method is called, not inlined
    def scale(self, x):
        return super().scale(x) + 1


def with_super(n):
    d = Derived()
    s = 0
    for i in range(n):
        s += d.scale(i)
    return s


print(with_super(500))


def names_here(a, b):
    return sorted(locals())


def frame_readers(n):
    total = 0
    for i in range(n):
        total += len(names_here(i, 1))
    return total


print(frame_readers(300))
