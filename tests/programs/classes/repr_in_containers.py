class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"
    def __str__(self):
        return f"{self.rank}{self.suit}"

c = Card("A", "s")
print(c)
print(repr(c))
print(str(c))
print([c, Card(10, "h")])
print((c,))
print({"best": c})
print(f"{c} / {c!r} / {c!s}")
print("%s and %r" % (c, c))
print(str([c]))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "only-str"
o = OnlyStr()
print(o, "only-str" == str(o), repr(o).startswith("<__main__.OnlyStr object at"))
print(format(c), "{}".format(c), "{!r}".format(c))
class Rec:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return f"Rec{self.children}"
print(Rec([Rec([]), Rec([Rec([])])]))
