t = (5, 3, 8, 1)
print(len(t), sum(t), max(t), min(t), sorted(t), tuple(sorted(t)), tuple(reversed(t)))
print(any(x > 7 for x in t), all(x > 0 for x in t), list(enumerate(t, 1)))
print(list(zip(t, 'abcd')), dict(zip(('a', 'b'), (1, 2))))
for item in t:
    print(item, end=' ')
print()
it = iter(t)
print(next(it), next(it), list(it))
print(tuple(map(lambda x: x * 2, t)), tuple(filter(None, (0, 1, '', 'a', None))))
a, b = divmod(17, 5)
print(a, b, divmod(17, 5))
def multi():
    return 1, [2], 'three'
n, lst, s = multi()
print(n, lst, s)
print(isinstance(t, tuple), isinstance([], tuple), type(t) is tuple)
