# try/except*: matching parts of groups, naked exceptions, what is re-raised
import sys

def f(eg):
    try:
        raise eg
    except* ValueError as e:
        print("ValueError part:", repr(e))
    except* TypeError as e:
        print("TypeError part:", repr(e))
    print("after")

f(ExceptionGroup("eg", [ValueError(1), TypeError(2)]))
f(ValueError("naked"))
f(ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])]))
try:
    f(ExceptionGroup("eg", [ValueError(1), KeyError(3)]))
except ExceptionGroup as e:
    print("escaped:", repr(e))
try:
    f(KeyError("naked key"))
except KeyError as e:
    print("escaped naked:", repr(e))

def raises_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
try:
    raises_in_handler()
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
    print(repr(e.exceptions[0].__context__))

def bare_raise_naked():
    try:
        raise ValueError("v")
    except* ValueError:
        raise
try:
    bare_raise_naked()
except ExceptionGroup as e:
    print("bare raise of naked:", repr(e))

def bare_raise_nested():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [ValueError(2), TypeError(3)])])
    except* ValueError as e:
        print("matched", repr(e))
        raise
try:
    bare_raise_nested()
except ExceptionGroup as e:
    print("reraised", repr(e))

def raise_both():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError("from V")
    except* TypeError as e:
        raise e.exceptions[0]
try:
    raise_both()
except ExceptionGroup as e:
    print(repr(e))

try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    except* 42:
        pass
except TypeError as e:
    print(e)

try:
    raise ExceptionGroup("x", [OSError(1), OSError(2)])
except* OSError as e:
    print("exc_info is the match:", repr(sys.exc_info()[1]))
print("exc_info after:", sys.exc_info())

# else and finally with except*
def with_else(fail):
    try:
        if fail:
            raise ExceptionGroup("g", [ValueError()])
    except* ValueError:
        print("handler")
    else:
        print("else")
    finally:
        print("finally")
with_else(False)
with_else(True)

# an except* that matches a whole group (Exception matches ExceptionGroup itself)
try:
    raise ExceptionGroup("whole", [ValueError(1)])
except* Exception as e:
    print("whole:", repr(e), type(e).__name__)

# SyntaxErrors
for src in ["for i in x:\n    try:\n        pass\n    except* ValueError:\n        break",
            "for i in x:\n    try:\n        pass\n    except* ValueError:\n        continue",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1",
            "try:\n    pass\nexcept* ValueError:\n    for i in x:\n        break",
            "try:\n    pass\nexcept* ValueError:\n    def g():\n        return 1"]:
    try:
        compile(src, "s", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

# in a loop (JIT material)
def count(n):
    handled = [0, 0]
    for i in range(n):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i), TypeError(i)])
            raise ValueError(i)
        except* ValueError as e:
            handled[0] += len(e.exceptions)
        except* TypeError as e:
            handled[1] += len(e.exceptions)
    return handled
print(count(300))
