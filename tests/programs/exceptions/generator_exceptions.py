def gen():
    yield 1
    raise ValueError("gen failed")

g = gen()
try:
    for x in g:
        print("got", x)
except ValueError as e:
    print("caught", e)

def safe_gen(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError:
            yield "inf"
print(list(safe_gen([1, 2, 0, 5])))

def catching():
    while True:
        try:
            x = yield
            print("received", x)
        except KeyError as e:
            print("gen handled", repr(e))
c = catching()
next(c)
c.send(1)
c.throw(KeyError("k"))
c.send(2)
try:
    c.throw(ValueError("unhandled"))
except ValueError as e:
    print("propagated", e)
try:
    c.send(3)
except StopIteration:
    print("generator is dead")

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for x in gen_finally():
    print(x)
    break
print("after loop")

def lazy_error():
    print("starting")
    yield 1 // 0
g = lazy_error()
print("created ok")
try:
    next(g)
except ZeroDivisionError as e:
    print("error on first next:", e)
