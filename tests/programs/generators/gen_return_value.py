def g1():
    yield "a"
    return "result-1"

def g2():
    return 5
    yield

def g3():
    yield 1
    return

def collect(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as e:
            return items, e.value

print(collect(g1()))
print(collect(g2()))
print(collect(g3()))

def wrapper():
    a = yield from g1()
    b = yield from g2()
    c = yield from g3()
    return [a, b, c]
print(collect(wrapper()))

def summer():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v

def driver(values):
    result = yield from summer()
    return f"sum={result}"

d = driver(None)
next(d)
for v in [5, 10, 20]:
    d.send(v)
try:
    d.send(None)
except StopIteration as e:
    print(e.value)
e = StopIteration(42)
print(e.value, e.args)
print(StopIteration().value)
