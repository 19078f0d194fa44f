print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}), list({3: 0}.values()))
print(list(x * x for x in range(4)), list(map(str, [1, 2])), list(b'ab'), list(enumerate('xy')))
a = [1, [2, 3]]
b = list(a)
c = a.copy()
d = a[:]
print(b == a, b is a, c is a, d is a, b[1] is a[1])
try:
    list(5)
except TypeError as e:
    print('TypeError:', e)
print(len([]), len([None] * 7), len([[1, 2, 3]]))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(sum([[1], [2, 3]], []), [1, 2] + [3], [*'ab', *[1]])
e = []
e += 'xy'
print(e)
try:
    e = e + 'z'
except TypeError as ex:
    print('TypeError:', ex)
print(repr([]), repr([1, 'two', 3.0, None, True, [4], (5,), {6: 7}]))
print(str(['a', "b'", 'c"']))
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
