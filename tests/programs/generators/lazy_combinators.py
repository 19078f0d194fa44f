def lazy_map(fn, it):
    for x in it:
        yield fn(x)

def lazy_filter(pred, it):
    for x in it:
        if pred(x):
            yield x

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

def naturals():
    n = 1
    while True:
        yield n
        n += 1

evaluated = []
def noisy_square(x):
    evaluated.append(x)
    return x * x

pipeline = take(4, lazy_filter(lambda v: v % 3 == 1, lazy_map(noisy_square, naturals())))
print(evaluated)
print(list(pipeline))
print(evaluated)

def zip_with(fn, a, b):
    a, b = iter(a), iter(b)
    while True:
        try:
            x, y = next(a), next(b)
        except StopIteration:
            return
        yield fn(x, y)
print(list(zip_with(lambda x, y: x * y, naturals(), [10, 20, 30])))

def scan(fn, it, init):
    acc = init
    yield acc
    for x in it:
        acc = fn(acc, x)
        yield acc
print(list(take(8, scan(lambda a, b: a * b, naturals(), 1))))
def chunks(it, n):
    it = iter(it)
    while True:
        chunk = list(take(n, it))
        if not chunk:
            return
        yield chunk
print(list(chunks(range(11), 4)))
g = lazy_map(str, [1, 2])
print(next(g), list(g), list(g))
