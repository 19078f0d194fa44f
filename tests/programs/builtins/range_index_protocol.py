# range() takes its bounds through __index__ (any size, errors propagated);
# a range with more than sys.maxsize items is true, indexable, and len() of it
# is an OverflowError
import sys
class I:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
big = 2 * sys.maxsize
print(list(range(I(big), I(big + 1))), list(range(I(42), I(43))), range(I(3)), range(True, 3))
class IX:
    def __index__(self): raise RuntimeError('boom')
try: range(IX())
except RuntimeError as e: print('RuntimeError', e)
class IN:
    def __index__(self): return "not a number"
try: range(IN())
except TypeError as e: print(e)
try: range(1.5)
except TypeError as e: print(e)
x = range(-sys.maxsize, sys.maxsize)
try: len(x)
except OverflowError as e: print(e)
print(bool(x), x[0], -sys.maxsize in x, sys.maxsize in x)
print(x[sys.maxsize + 1], x[-1], x[-(2 * sys.maxsize)])
for bad in (2 * sys.maxsize, -(2 * sys.maxsize) - 1):
    try:
        x[bad]
    except IndexError as e:
        print(e)
