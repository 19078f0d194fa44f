class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        print(f"  eq {self!r} {o!r}")
        return self.parts == o.parts
    def __ne__(self, o):
        print(f"  ne {self!r} {o!r}")
        return self.parts != o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    __hash__ = None

a, b, c = Version("1.2.0"), Version("1.10"), Version("1.2.0")
print(a < b, a <= c, a > b, b >= a)
print(a == c)
print(a != b)
print(sorted([b, a, Version("0.9"), Version("1.2.1")]))
print(max(a, b), min([b, c]))
print(a < b < Version("2.0"))
print([a, b].index(Version("1.10")))
print(Version("1.2.0") in [b, a])

class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"L{self.v}"
xs = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(xs), OnlyLt(5) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class NoEq: pass
n = NoEq()
print(n == n, n != n, n == NoEq())
