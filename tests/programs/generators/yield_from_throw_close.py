# throw() and close() of a generator suspended in `yield from` go to the
# sub-generator first, as in CPython
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", repr(e))
        yield 3
    finally:
        print("inner finally")
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 4

g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(next(g))
g.close()

# an exception the sub-generator does not handle comes out in the outer one
def outer2():
    try:
        yield from inner()
    except KeyError as e:
        print("outer2 caught", repr(e))
        yield "after"
g = outer2()
next(g)
print(g.throw(KeyError("k")))

# a sub-iterator without throw(): the exception is raised in the delegating frame
class Plain:
    def __iter__(self):
        return self
    def __next__(self):
        return "plain"
def outer3():
    try:
        yield from Plain()
    except IndexError:
        yield "outer3 handled"
g = outer3()
print(next(g), g.throw(IndexError))

# a sub-iterator with throw() and close()
class Custom:
    def __iter__(self):
        return self
    def __next__(self):
        return "custom"
    def throw(self, exc):
        print("Custom.throw", repr(exc))
        raise StopIteration("custom done")
    def close(self):
        print("Custom.close")
def outer4():
    r = yield from Custom()
    print("outer4 got", r)
    yield "end"
g = outer4()
print(next(g), g.throw(TypeError("t")))
g = outer4()
next(g)
g.close()

# close() while nested two levels deep runs every finally, innermost first
def level(n):
    try:
        if n:
            yield from level(n - 1)
        else:
            yield "deep"
    finally:
        print("finally", n)
g = level(3)
print(next(g))
g.close()
print(g.gi_frame)

# gi_yieldfrom names the delegate while a yield from is in progress
def sub():
    yield 1
def deleg():
    yield 0
    yield from sub()
g = deleg()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__)
