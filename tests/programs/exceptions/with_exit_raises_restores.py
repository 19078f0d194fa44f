# An __exit__ that raises: the new exception gets the old one as __context__,
# and after the handler the exception being handled is the outer one again
import sys


class Raises:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__, type(tb).__name__)
        raise KeyError("from exit")


class Passes:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        return False


def run(cm):
    try:
        with cm:
            1 / 0
    except Exception as e:
        print(type(e).__name__, type(e.__context__).__name__)
    print("after", sys.exc_info()[:2])


run(Raises())
run(Passes())
try:
    raise ValueError("outer")
except ValueError:
    run(Raises())
    print("still", sys.exc_info()[1])
print(sys.exc_info())
