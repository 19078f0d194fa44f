print(int('12'), int(12.9), int(-12.9), int('-0b101', 0), int('z', 36), int(True))
print(float('1.5'), float(2), float('  -3e2 '), float('inf'), float(False))
print(str(1), str(1.0), str(None), str([1, '1']), str((1,)), str({'a': 1}), str(b'b'), str(''))
print(repr(1), repr('1'), repr(1.0), repr([None]), repr(()), repr(set()), repr(''), repr("'"))
print(bool(), bool(0), bool(''), bool('0'), bool([]), bool([[]]), bool(None), bool(0.0), bool(-1))
print(list('ab'), list((1, 2)), list({'x': 1}), list(range(2)), list())
print(tuple([1, 2]), tuple('ab'), tuple(), tuple({1: 2}))
print(dict([(1, 2)]), dict(a=1), dict(), dict({'k': 'v'}))
print(sorted(set([3, 1, 3])), set(), sorted(set('aba')), sorted(frozenset([2, 1])))
print(type(int()).__name__, type(str()).__name__, type(float()).__name__, type(list()).__name__, type(dict()).__name__)
print(int(), float(), str(), list(), tuple(), dict(), set(), bool())
for bad in [lambda: int('x'), lambda: float('x'), lambda: int([1]), lambda: list(1), lambda: dict(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
