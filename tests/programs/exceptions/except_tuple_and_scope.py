def classify(f):
    try:
        f()
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except (ValueError, TypeError) as e:
        return f"value/type {type(e).__name__}"
    except Exception:
        return "other"
    return "none"

print(classify(lambda: [][1]))
print(classify(lambda: {}[1]))
print(classify(lambda: int("z")))
print(classify(lambda: len(5)))
print(classify(lambda: 1 / 0))
print(classify(lambda: 1))

try:
    raise ValueError("bound")
except ValueError as err:
    print("inside:", err)
try:
    print(err)
except NameError as ne:
    print("NameError:", ne)

err = "preexisting"
try:
    raise KeyError("x")
except KeyError as err:
    pass
print("err" in dir())

def local_scope():
    e = 1
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(local_scope())

saved = None
try:
    raise IndexError("keep me")
except IndexError as e:
    saved = e
print(repr(saved))
excs = (ArithmeticError, LookupError)
try:
    [][0]
except excs as e:
    print("dynamic tuple caught", type(e).__name__)
