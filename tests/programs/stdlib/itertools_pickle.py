# itertools objects reduce, copy, pickle and restore their state as CPython 3.11's
import copy
import pickle
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)
import itertools


def shape(r):
    # a reduction with the iterators in it replaced by what they have left
    def fix(x):
        if isinstance(x, type):
            return x.__name__
        if isinstance(x, tuple):
            return tuple(fix(y) for y in x)
        if type(x).__name__.endswith("iterator") or type(x).__name__ == "_tee_dataobject":
            return type(x).__name__
        if hasattr(x, "__next__"):
            return type(x).__name__
        return x
    return fix(r)


def second(a, b):
    return b


def roundtrip(make, take=1):
    it = make()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        a = pickle.loads(pickle.dumps(make(), proto))
        print(type(a).__name__, list(islice(a, 8)))
    for _ in range(take):
        next(it, None)
    print("  reduce:", shape(it.__reduce__()))
    b = pickle.loads(pickle.dumps(it))
    c = copy.copy(make())
    d = copy.deepcopy(it)
    print("  after next:", list(islice(b, 8)), list(islice(d, 8)), list(islice(c, 3)))


roundtrip(lambda: count(3))
roundtrip(lambda: count(1.5, 0.5))
roundtrip(lambda: count(2 ** 70, 3))
roundtrip(lambda: cycle("abc"), take=4)
roundtrip(lambda: repeat("x", 3))
roundtrip(lambda: repeat("x"))
roundtrip(lambda: chain("ab", "cd"), take=3)
roundtrip(lambda: islice(range(20), 2, 15, 3))
roundtrip(lambda: product("ab", range(3)), take=2)
roundtrip(lambda: permutations("abcd", 2), take=3)
roundtrip(lambda: combinations("abcd", 2), take=3)
roundtrip(lambda: combinations_with_replacement("abc", 2), take=3)
roundtrip(lambda: combinations("abc", 0))
roundtrip(lambda: permutations("abc", 4))
roundtrip(lambda: accumulate([1, 2, 3, 4]))
roundtrip(lambda: accumulate([1, 2, 3, 4], initial=10), take=0)
roundtrip(lambda: accumulate([None, 2, 3], second))
roundtrip(lambda: zip_longest("ab", "cde", fillvalue="-"), take=2)
roundtrip(lambda: takewhile(bool, [1, 2, 0, 3]))
roundtrip(lambda: dropwhile(bool, [1, 0, 2, 3]))
roundtrip(lambda: starmap(pow, [(2, 3), (3, 2), (4, 2)]))
roundtrip(lambda: filterfalse(None, [0, 1, 0, 2]))
roundtrip(lambda: compress("abcd", [1, 0, 1, 1]))
roundtrip(lambda: islice(count(), 1, 10, 2 ** 62))

# exhausted iterators keep their type
for it in [chain("a"), islice("ab", 1), zip_longest("a"), takewhile(bool, [1])]:
    list(it)
    r = pickle.loads(pickle.dumps(it))
    print(type(r).__name__, list(r), shape(it.__reduce__()))

# groupby and its groups
g = groupby("aabbbc")
k, grp = next(g)
print(shape(g.__reduce__()), shape(grp.__reduce__()))
g2 = pickle.loads(pickle.dumps(g))
print([(k, list(v)) for k, v in g2])
k, grp = next(g)
next(g)
print(shape(grp.__reduce__()), list(pickle.loads(pickle.dumps(grp))))

# tee: its constructor, copies, pickles
a, b = tee("abcdef")
next(a)
print(list(pickle.loads(pickle.dumps(a))), list(copy.copy(a)), list(type(a)(b)))
c, d = tee(a)
print(a is c, list(d))
print(type(a).__name__, type(a).__module__, itertools._tee is type(a))
try:
    type(a)()
except TypeError as e:
    print("TypeError", e)
print([len(tee("ab", n)) for n in range(4)])

# __setstate__ checks
for bad in [(), [], 0, ([],), (iter([]), [])]:
    try:
        chain().__setstate__(bad)
        print("no error", bad)
    except TypeError as e:
        print("TypeError", e)
it = chain()
it.__setstate__((iter(["abc", "def"]),))
print(list(it))
it = chain()
it.__setstate__((iter(["abc", "def"]), iter(["ghi"])))
print(list(it))
for fp in (0, 1):
    c = cycle("abc")
    c.__setstate__((list("xy"), fp))
    print(list(islice(c, 8)))
for bad in [[list("ab"), 0], (tuple("ab"), 0), (list("ab"), "x"), (), ([],)]:
    try:
        cycle("").__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
p = product("abc", "de")
p.__setstate__((1, 99))
print(list(p))
p = permutations("abcd", 2)
p.__setstate__(((3, 2, 1, 0), (9, -4)))
print(list(p))
p = combinations("abcd", 2)
p.__setstate__((1, 2))
print(list(p))
a = accumulate([1, 2, 3])
a.__setstate__(10)
print(list(a))
print(hasattr(count(), "__setstate__"), hasattr(pairwise("ab"), "__reduce__"),
      "__reduce__" in type(pairwise("ab")).__dict__)
try:
    pickle.dumps(pairwise("abc"))
except TypeError as e:
    print("TypeError", e)


# subclasses are made as themselves
class Counter(count):
    pass


class Chain(chain):
    pass


c = Counter(5)
print(type(c).__name__, next(c), type(Chain.from_iterable(["ab"])).__name__,
      list(Chain("ab", "c")))
