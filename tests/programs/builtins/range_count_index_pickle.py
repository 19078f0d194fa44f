# range.count/index compare items for what is not exactly an int (ALWAYS_EQ,
# 2.0, a raising __eq__); ranges past 64 bits pickle as built-in ranges and
# their iterators as CPython 3.11's (iter(range), index), cannot be made by
# calling their type, and compare lengths past sys.maxsize
import pickle, sys


class _AlwaysEq:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


ALWAYS_EQ = _AlwaysEq()
print(range(10).count(ALWAYS_EQ), range(10).index(ALWAYS_EQ), range(5).count(2.0), range(5).index(3.0))
try: range(3).index(7.5)
except ValueError as e: print(e)
try: range(3).index(7)
except ValueError as e: print(e)
class BadCmp:
    def __eq__(self, other):
        if other == 2:
            raise KeyError('bad')
        return False
try: range(4).index(BadCmp())
except KeyError as e: print('KeyError', e)
big = range(1, 2**100, 2)
print(big.count(2**87 + 1), big.count(2**87), big.index(2**87 + 1), range(2**65, 2**65 + 3).count(ALWAYS_EQ))
r = range(2**65, 2**65 + 4, 1)
print(pickle.loads(pickle.dumps(r)) == r, type(pickle.loads(pickle.dumps(r))) is type(r), r.__reduce__()[0] is range)
it = iter(r)
print(it.__reduce__()[1:], next(it), it.__reduce__()[1:], it.__length_hint__())
it2 = pickle.loads(pickle.dumps(it))
print(type(it2) is type(it), list(it2), list(it))
it.__setstate__(-5); print(list(it))
it = iter(r); it.__setstate__(100); print(list(it), it.__reduce__()[2])
try: type(it)(1, 3, 1)
except TypeError as e: print(e)
print(range(0, 2**100 - 1, 2) == range(0, 2**100, 2), range(2**100) == range(2**100), range(2**100) != range(2**101))
print(list(reversed(range(2**64, 2**64 + 3))), type(it).__name__, type(it).__module__)
