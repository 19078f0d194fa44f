# cmp_to_key's wrappers expose the wrapped object as .obj; lru_cache wrappers
# report their parameters through cache_parameters(), copy as themselves and
# pickle by their qualified name.
import functools


def cmp1(x, y):
    return (x > y) - (x < y)


key = functools.cmp_to_key(mycmp=cmp1)
print(key(50).obj, key([1]).obj, sorted([3, 1, 2], key=key))


@functools.lru_cache(maxsize=2)
def f():
    return 1


@functools.lru_cache(maxsize=1000, typed=True)
def g():
    return 1


@functools.lru_cache
def h():
    return 1


@functools.cache
def i():
    return 1


@functools.lru_cache(maxsize=-5)
def j():
    return 1


for w in (f, g, h, i, j):
    print(w.cache_parameters())

# wrappers copy as themselves and pickle by qualified name
import copy
import pickle

print(copy.copy(f) is f, copy.deepcopy(g) is g, pickle.loads(pickle.dumps(f)) is f)
print(f.__reduce__())
