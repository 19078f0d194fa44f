# A set subclass instance looks itself up in a set as the frozenset of its
# items (in, remove, discard), as a plain set does
class SetSubclass(set):
    pass


s = SetSubclass([frozenset("ab"), frozenset("c")])
print(SetSubclass("ab") in s, set("c") in s, SetSubclass("x") in s)
s.remove(SetSubclass("ba"))
s.discard(SetSubclass("c"))
print(s)
try:
    s.remove(SetSubclass("zz"))
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    [] in s
except TypeError as e:
    print(e)
