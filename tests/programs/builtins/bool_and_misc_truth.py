print(bool(1), bool('False'), bool(0.0), bool([0]), bool({}), bool(None), bool(range(3)))
print(int(bool(5)), str(bool(0)), bool.__name__, type(bool(1)).__name__)
print(True + True, True * 3, sum(x > 2 for x in [1, 2, 3, 4]), [True, False].count(True))
print(any([]), all([]), any([[]]), all([[]]), any(['']), all(['a', 'b']))
print(isinstance(True, bool), isinstance(1, bool), bool is type(False), issubclass(bool, int))
try:
    class Sub(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
print(max(True, False), min(True, 2), sorted([True, False, True]), -True, abs(False))
print(repr(True), str(False), f'{True!s:>6}|', format(False, '<6') + '|', '%s %d %r' % (True, True, False))
print(True and 'x', False or 'y', not None, not 'a', True == 1.0, hash(True) == hash(1))
