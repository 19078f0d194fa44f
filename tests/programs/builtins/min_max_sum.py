print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a', 'c'))
print(max([1, -5, 3], key=abs), min(['bb', 'a', 'ccc'], key=len), max({'a': 3, 'b': 1}, key={'a': 3, 'b': 1}.get))
print(min([], default='empty'), max([], default=None), max([7], default=0), min((), default=-1))
print(max([2, 2.0]), max([2.0, 2]), min([1, True]), max('apple', 'banana', key=len))
print(max([(1, 'b'), (1, 'a')]), min([[3], [1, 2]]), max(range(5), key=lambda x: -x))
print(max(['x', 'yy', 'zz'], key=len), min(['x', 'yy', 'zz', 'w'], key=len))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 'a')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1, 0.2]), sum([]), sum([], 5), sum(range(1, 11)))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([True, True]), sum([1, 2.5]), sum([10**20, 1]))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    sum([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10**30), abs(True))
print(all([]), any([]), all([1, 1]), all([1, 0]), any([0, 0]), any([0, 1]), all('abc'), any(x > 2 for x in [1, 3]))
