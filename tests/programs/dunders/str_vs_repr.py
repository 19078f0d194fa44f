class Both:
    def __str__(self): return "str-form"
    def __repr__(self): return "repr-form"
b = Both()
print(b)
print(str(b), repr(b))
print([b], (b, b), {"k": b})
print(f"{b} {b!r} {b!s} {b!a}")
print("%s %r" % (b, b))
print("{0} {0!r}".format(b))
print(str([b]), repr([b]))
class Unicode:
    def __repr__(self): return "café"
print(Unicode(), ascii(Unicode()), repr([Unicode()]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n"))
print(str(1.0), repr(0.1 + 0.2), str(1e20), str(1e16), repr(1e-5), str(-0.0))
print(str(None), repr(None), str(True), repr(b"x\x00y"))
class BadStr:
    def __str__(self): return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class Fmt:
    def __format__(self, spec): return f"<{spec}>"
print(f"{Fmt():>10}", format(Fmt(), "abc"), "{:xyz}".format(Fmt()))
