# Raising or throwing a class whose __new__ returns no exception is a TypeError
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


try:
    raise E
except TypeError as e:
    print("raise:", e)


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("throw:", e)
print(next(g, "exhausted"))


def catcher():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "caught"


g = catcher()
next(g)
print(g.throw(E))
