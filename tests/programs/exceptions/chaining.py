def chain_depth():
    try:
        try:
            try:
                raise ValueError("level1")
            except ValueError:
                raise TypeError("level2")
        except TypeError:
            raise KeyError("level3")
    except KeyError as e:
        chain = []
        cur = e
        while cur is not None:
            chain.append(f"{type(cur).__name__}({cur})")
            cur = cur.__context__
        return chain
print(chain_depth())

def explicit_chain():
    try:
        {}["x"]
    except KeyError as e:
        err = ValueError("bad config")
        err.__cause__ = e
        return err
e = explicit_chain()
print(repr(e.__cause__))

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("wrapped") from z
except ValueError as v:
    print(type(v.__cause__).__name__, v.__cause__ is v.__context__)

err = RuntimeError("x")
print(err.__cause__, err.__context__, err.__suppress_context__)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as v:
    print(repr(v.__cause__), v.__context__)
try:
    raise ValueError("a") from KeyError
except ValueError as v:
    print(repr(v.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as t:
    print("TypeError:", t)
