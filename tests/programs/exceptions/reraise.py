def risky():
    raise ValueError("original")

def wrapper():
    try:
        risky()
    except ValueError:
        print("logging and re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer got:", e, type(e).__name__)

def transform():
    try:
        risky()
    except ValueError as e:
        raise RuntimeError("transformed") from e

try:
    transform()
except RuntimeError as e:
    print("got", repr(e))
    print("cause", repr(e.__cause__))
    print("context", repr(e.__context__))
    print("suppress", e.__suppress_context__)

def implicit():
    try:
        risky()
    except ValueError:
        raise KeyError("during handling")

try:
    implicit()
except KeyError as e:
    print("got", repr(e))
    print("cause", e.__cause__)
    print("context", repr(e.__context__))
    print("suppress", e.__suppress_context__)

def from_none():
    try:
        risky()
    except ValueError:
        raise TypeError("clean") from None
try:
    from_none()
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise
except RuntimeError as e:
    print("bare raise with nothing:", e)
e = ValueError("saved")
try:
    raise e
except ValueError as caught:
    print(caught is e)
try:
    raise ValueError
except ValueError as e2:
    print(repr(e2), e2.args)
