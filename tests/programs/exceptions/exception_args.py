exs = [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError("k", "v"),
       IndexError(3), OSError(2, "No such file"), Exception(None), TypeError(""), KeyError()]
for e in exs:
    print(repr(e), "|", str(e), "|", e.args, "|", len(e.args))
e = ValueError("x")
e.args = ("changed", 1)
print(e, repr(e))
try:
    raise KeyError("some key")
except KeyError as e:
    print(str(e), e.args[0])
try:
    {}[(1, 2)]
except KeyError as e:
    print(str(e), repr(e), e.args)
try:
    {}[""]
except KeyError as e:
    print(str(e))
print(str(StopIteration(5)), repr(StopIteration()))
class E(Exception):
    pass
e = E("x", "y")
print(e.args, str(e))
print(isinstance(e.args, tuple))
err = OSError(2, "No such file or directory")
print(err.errno, err.strerror, str(err))
