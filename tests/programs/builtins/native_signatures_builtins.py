# The built-in functions and the methods of object, generators, property and
# range bind their arguments through declared signatures (issue 15): wrong
# counts, keywords and types raise CPython's errors, worded as CPython words
# them. Each line is one call and what it raised.
import operator


def t(src):
    try:
        r = eval(src)
    except Exception as e:
        print(f"{src} -> {type(e).__name__}: {e}")
    else:
        r = repr(r)
        if " at 0x" in r:
            r = r.split(" at 0x")[0] + ">"
        print(f"{src} -> ok {r}"[:100])


CASES = """
repr()
repr(1, 2)
repr(obj=1)
ascii()
hash()
hash([])
hash(x=1)
id()
callable()
callable(1, 2)
len()
len(x=1)
len([], [])
abs()
abs(x=1)
abs('a')
ord()
ord('ab')
chr()
chr('a')
chr(1.5)
chr(-1)
chr(2**40)
chr(10**30)
chr(x=65)
hex(1.5)
oct(x=1)
bin()
divmod(1)
divmod(1, 2, 3)
divmod(1, 2, x=3)
divmod(7, 2)
all(1)
any()
any(x=1)
isinstance(1)
isinstance(1, int, x=1)
issubclass(1, 2)
issubclass(int, 2)
issubclass(1, (int,))
issubclass(bool, int)
getattr(1)
getattr(1, 2)
getattr(1, 'a', 2, 3)
getattr(1, 'a', 5)
setattr(1, 2)
hasattr(1, 2)
hasattr(1)
delattr(1)
vars(1, 2)
vars(x=1)
dir(1, 2)
dir(x=1)
globals(1)
locals(1)
format()
format(1, 1)
format(1, 'd', 3)
format(1, '', x=1)
format(5, '03')
iter()
iter(1, 2, 3)
iter(1, 2)
iter(len, 1, x=1)
next()
next(1)
next(iter([]), 1, 2)
next(iter([]), 5)
max()
max(1)
max(zzz=1)
min([], key=1, foo=2)
min(1, 2, default=3)
max([], default=3)
min([3, 1, 2], key=None)
max(3, 1, 2, key=lambda x: -x)
sorted()
sorted([], [])
sorted(None, zzz=1)
sorted([3, 1], zzz=1)
sorted([3, 1, 2], reverse=1, key=None)
zip(1)
zip([], 1)
list(zip([1], [2], strict=True))
enumerate()
enumerate(zzz=1)
enumerate(start=1)
enumerate([], 1, 2)
list(enumerate('ab', 1))
map()
map(len)
map(len, 1)
list(map(len, ['ab']))
memoryview()
memoryview(zzz=1)
memoryview(b'', zzz=1)
memoryview(None, 1)
bytes(1, 2)
bytes(1, None)
bytes('a', 'ascii', 1)
bytearray(1, 2)
property().getter()
property().setter(1, 2)
property().deleter(x=1)
(x for x in []).send()
(x for x in []).send(1, 2)
(x for x in []).throw()
range(3).index()
range(3).index(1, 2)
range(3).index(2)
range.count(1, 2)
slice.indices(1, 2)
object.__eq__()
object.__format__(1)
object.__format__(1, 2)
object.__format__(1, 'x')
object.__format__(1, '')
int.__format__(1)
list.__getitem__([])
list.__getitem__([], 1, 2)
list.__getitem__([1], x=1)
dict.__getitem__({}, 1, 2)
dict.__contains__(1, 2)
set.__contains__(1, 2)
list.__contains__(1, 2)
list.__len__([], 1)
list.__reversed__([], 1)
type.__call__()
type.__call__(1)
type.__call__(int, '5')
super.__getattribute__(super(int, 1))
operator.add(1)
operator.add(1, 2, 3)
operator.add(a=1, b=2)
operator.neg()
operator.not_(1, 2)
operator.setitem([1], 0)
operator.isub('x', 'y')
operator.ipow('x', 'y')
operator.imatmul(1, 2)
operator.iconcat(1, 2)
operator.iconcat([1], [2])
operator.countOf(1, 2)
operator.indexOf(1, 2)
operator.indexOf([1, 2], 2)
operator.length_hint()
operator.length_hint(1, 'x')
operator.length_hint([1, 2], 5)
operator.itemgetter()
operator.itemgetter(zzz=1)
operator.itemgetter(None, zzz=1)
operator.itemgetter(1)()
operator.itemgetter(1)([1, 2], 3)
operator.itemgetter(1)([1, 2], x=3)
operator.itemgetter(1)([1, 2])
operator.attrgetter(zzz=1)
operator.attrgetter(1)
operator.attrgetter('real')()
operator.attrgetter('real')(5)
operator.methodcaller()
operator.methodcaller('upper')()
operator.methodcaller('upper')('a')
"""
for line in CASES.strip().splitlines():
    t(line)


class Hint:
    def __length_hint__(self):
        return 7


print(operator.length_hint(Hint(), 2))

LIST_CASES = """
list(1, 2)
list(x=1)
tuple(1, 2)
tuple(x=1)
list.__init__([], 1, 2)
list.__init__([], x=1)
list.__contains__([1], 1)
list.__contains__((1,), 1)
tuple.__getitem__((1,), 5)
[1, 2] + (1,)
[1] * 'a'
list.__iadd__([1], 1)
list.__lt__([1], 2)
tuple.__add__((1,), [2])
list.__reversed__(1)
tuple.__iter__([])
list.__delitem__([1], 'a')
"""
for line in LIST_CASES.strip().splitlines():
    t(line)


class L(list):
    def __init__(self, a, b):
        super().__init__([a, b])


class T(tuple):
    pass


print(L(1, 2), T([1]), tuple.__new__(T, [2]))


DICT_SET_CASES = """
dict(1, 2)
dict([], x=1)
dict.__init__({}, 1, 2)
set(1, 2)
set(x=1)
frozenset(x=1)
frozenset(1, 2)
set.__init__(set(), x=1)
set.update(set(), x=1)
set().difference()
set([1, 2]).difference([1], [3])
set().intersection()
set.issubset(set())
set().issubset(1)
set().symmetric_difference(1, 2)
{}.keys(1)
dict.items({}, 1)
{1: 2}.keys().isdisjoint()
{1: 2}.keys() < 1
{1: 2}.keys() <= {1}
dict.__contains__({}, [])
dict.popitem({}, 1)
set.add(set(), [])
set().remove(1)
dict.__or__({}, 1)
"""
for line in DICT_SET_CASES.strip().splitlines():
    t(line)


class S(set):
    def __init__(self, a, b=0, **kw):
        super().__init__([a, b])


class D(dict):
    def __init__(self, a, b):
        super().__init__(x=a, y=b)


print(sorted(S(1, 2, z=3)), D(1, 2))


# list.__imul__ with a count that is no index, item deletion's two wordings,
# set and frozenset subclasses shown with their class's name
class L(list):
    pass


class C:
    pass


class M(list):
    def __imul__(self, o):
        return "custom"


for src in ["list.__imul__([1], 'a')", "list.__imul__([1], 2.5)", "list.__imul__([1], 2)"]:
    t(src)
y = L([1])
try:
    y *= "a"
except TypeError as e:
    print("L *= 'a' ->", e)
y *= 2
print(y, type(y).__name__)
m = M()
m *= "a"
print(m)
for o, k in [(1, 2), ((1,), 0), ((1,), "a"), ("ab", 0), (C(), 0), (C(), "a"), (None, 0),
             (1.5, 0), (range(3), 0), (frozenset(), 0), (len, 0), (b"", 0)]:
    try:
        operator.delitem(o, k)
    except TypeError as e:
        print(type(o).__name__, repr(k), "->", e)


class F(frozenset):
    pass


class S(set):
    pass


s = S([1, 2])
print(repr(s), str(s), repr(F([3])), f"{F()!r}", repr([S()]), repr(S([F([1])])), str(F()))
