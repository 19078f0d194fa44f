def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside:", e)
        yield "recovered"
    finally:
        print("cleanup")

g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("stopped")

g = guarded()
print(next(g))
g.close()
print("closed")
g.close()

g = guarded()
g.close()
print("closed before start")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

s = stubborn()
next(s)
s.close()

def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2

b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def plain():
    yield 1
p = plain()
try:
    p.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", repr(e))
print(list(p))
