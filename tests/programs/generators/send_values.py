def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))

def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    return received

e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)

g = echo()
try:
    g.send("x")
except TypeError as err:
    print("TypeError:", err)

def running_max():
    m = None
    while True:
        x = yield m
        if m is None or x > m:
            m = x
r = running_max()
next(r)
print([r.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])

def delegator():
    result = yield from echo()
    yield ("done", result)
d = delegator()
next(d)
d.send(1)
d.send(2)
print(d.send(None))
