def count_up(n, start=0):
    i = start
    while i < n:
        yield i
        i += 1

def take_pairs(it):
    it = iter(it)
    for a in it:
        b = next(it, 0)
        yield a, b

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007

def ret_gen(k):
    for i in range(k):
        yield i
    return "done"

def main():
    g = fib_gen()
    f = 0
    for i in range(3000):
        f ^= next(g)
    print(f)
    pairs = 0
    for a, b in take_pairs(count_up(2001, 0)):
        pairs += a - b
    print(pairs)
    # next without default on a generator that returns
    g = ret_gen(500)
    s = 0
    try:
        while True:
            s += next(g)
    except StopIteration as e:
        print("stop", repr(e.value), s)
    # next with default
    g = ret_gen(300)
    s = 0
    while True:
        v = next(g, None)
        if v is None:
            break
        s += v
    print(s)
    # generator raising inside
    def bad():
        for i in range(400):
            yield 10 // (350 - i)
    g = bad()
    t = 0
    try:
        for i in range(1000):
            t += next(g)
    except ZeroDivisionError as e:
        print("zde", t, i)
    # next on a generator being shadowed
    g = fib_gen()
    out = []
    for i in range(200):
        if i == 150:
            nx = next
            def next_(x, d=None):
                return -1
            globals()['next'] = next_
        out.append(next(g))
    del globals()['next']
    print(sum(out), out[-3:])
main()
# next() of range, list and tuple iterators, with and without defaults
def native_next():
    r = iter(range(0, 700, 3))
    l = iter([i * i for i in range(300)])
    t = iter(tuple(range(100)))
    acc = 0
    for i in range(800):
        acc += next(r, -1) + next(l, -2) * 2 + next(t, -3)
    print(acc)
    it = iter([1, 2])
    try:
        for i in range(5):
            print(next(it))
    except StopIteration:
        print("stop", i)
native_next()
