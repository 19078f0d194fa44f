# NoneType(), type(...)() and type(NotImplemented)() are the singletons (and take
# no arguments); itertools.count takes any number (complex, Decimal, Fraction,
# int subclasses), as PyNumber_Check does.
import itertools, fractions, decimal
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for c in (None, ..., NotImplemented):
    tp = type(c)
    t(lambda: tp() is c)
    t(lambda: tp(1, 2))
    t(lambda: tp(a=1))
class Int(int): pass
t(lambda: list(itertools.islice(itertools.count(Int(0), Int(1)), 3)))
t(lambda: list(itertools.islice(itertools.count(3.25-4j), 2)))
t(lambda: list(itertools.islice(itertools.count(decimal.Decimal('1.1')), 2)))
t(lambda: list(itertools.islice(itertools.count(fractions.Fraction(2, 3)), 2)))
t(lambda: itertools.count('a'))
t(lambda: itertools.count(1, 'a'))
t(lambda: itertools.count([]))
