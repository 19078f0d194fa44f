# str() of instances of built-in subclasses that override __str__ or __repr__:
# int's and float's str() is their repr, so an overridden __repr__ shows in
# str(), format() and f-strings; a str subclass's own __str__ wins.


class R(int):
    def __repr__(self):
        return "R!"


class S(str):
    def __repr__(self):
        return "S!"


class Loud(str):
    def __str__(self):
        return "LOUD"


class F(float):
    def __str__(self):
        return "F!"


print(str(R(5)), repr(R(5)), "%s" % R(3), f"{R(2)}", [R(1)])
print(str(S("x")), repr(S("x")), "%s" % S("y"), "{}".format(S("z")))
print(str(Loud("q")), "%s" % Loud("q"), "{}".format(Loud("q")))
print(str(F(1.5)), repr(F(1.5)))
