# list.__new__/set.__new__/frozenset.__new__(Sub, ...) make a Sub instance
# that takes attributes; list.__init__ leaves keywords to a subclass's __new__
class L(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self


u = L([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg, len(u), u + [3])


class S(set):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


s = S([1, 2])
print(type(s).__name__, sorted(s), s.newarg)
try:
    S([1, 2], newarg=3)
except TypeError as e:
    print("TypeError", e)


class F(frozenset):
    pass


f = frozenset.__new__(F, [3, 4])
f.tag = "t"
print(type(f).__name__, sorted(f), f.tag, f == frozenset({3, 4}))
