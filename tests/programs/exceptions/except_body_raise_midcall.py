# An exception raised inside an except body in the middle of an expression
# (a call's operands on the stack) leaves the previously handled exception,
# not one of those operands, as the one being handled afterwards
import sys


def gen():
    yield 1
    raise


try:
    i = gen()
    try:
        1 / 0
    except:
        next(i)
        print("f", max(1, len(str(next(i)))))
except ZeroDivisionError as e:
    print("caught", type(e).__name__)
print(sys.exc_info())


def inner():
    try:
        raise KeyError("k")
    except KeyError as e:
        return [1, 2, len(5)]


try:
    raise ValueError("outer")
except ValueError:
    try:
        inner()
    except TypeError as t:
        print(type(t.__context__).__name__, sys.exc_info()[0].__name__)
    print("handled:", sys.exc_info()[1])
print(sys.exc_info())


def loop():
    out = []
    for i in range(4):
        try:
            raise IndexError(i)
        except IndexError as e:
            if i == 1:
                continue
            if i == 3:
                return out, sys.exc_info()[1]
            out.append(str(e))
    return out


print(loop(), sys.exc_info())
