def make_gen_factory(mult):
    def gen(n):
        for i in range(n):
            yield i * mult
    return gen

g3 = make_gen_factory(3)
print(list(g3(5)))
g10 = make_gen_factory(10)
print(list(g10(3)), list(g3(2)))

def accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = accumulator()
print([acc(x) for x in range(1, 6)])

def fib_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
f = fib_closure()
print([f() for _ in range(15)])

def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 5)]
print([m(2) for m in make_multipliers()])

def partial(fn, *pargs, **pkw):
    def call(*args, **kw):
        merged = dict(pkw)
        merged.update(kw)
        return fn(*pargs, *args, **merged)
    return call
p = partial(pow, 2)
print(p(10), p(5))
join = partial("-".join)
print(join(["a", "b"]))
sorter = partial(sorted, reverse=True)
print(sorter([3, 1, 2]))
