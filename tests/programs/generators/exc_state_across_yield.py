# A generator keeps the exception it was handling across a yield (sys.exc_info()
# and a bare raise see it again on resumption); outside an except block it sees
# its resumer's
import sys
def gen():
    try:
        try:
            print("a", sys.exc_info()[0])
            yield
        except ValueError:
            print("b", sys.exc_info()[0])
            raise TypeError()
    except Exception as exc:
        print("c", sys.exc_info()[0], type(exc.__context__))
    print("d", sys.exc_info()[0])
    yield
    print("e", sys.exc_info()[0])
    yield "done"

g = gen()
next(g)
try:
    raise ValueError
except Exception as exc:
    g.throw(exc)
print("f", sys.exc_info())
print(next(g))
print("g", sys.exc_info())

def store():
    try:
        yield
    except Exception as exc:
        print(sys.exc_info()[0], exc.__context__)
        yield
        print(sys.exc_info()[0])
        yield
        raise
m = store(); next(m)
try:
    raise ValueError()
except Exception as exc:
    try:
        m.throw(exc)
    except Exception:
        pass
print("h", sys.exc_info())
next(m)
try:
    next(m)
except ValueError as e:
    print("ctx", e.__context__)
print("i", sys.exc_info())


def nested():
    try:
        raise KeyError("main")
    except KeyError:
        try:
            yield
        except IndexError:
            pass
        raise


c = nested()
c.send(None)
try:
    c.throw(IndexError())
except KeyError as e:
    print("re-raised", repr(e))


def sees_caller():
    yield sys.exc_info()[0]


try:
    raise OSError
except OSError:
    print(next(sees_caller()).__name__)
