print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=True))
print(dict(zip('abc', range(3))), dict([[1, 2], (3, 4), 'ab']), dict(((i, i * i) for i in range(3))))
print({k: v for k, v in [('p', 1), ('q', 2)]}, {i: str(i) for i in range(4) if i % 2})
print({c: i for i, c in enumerate('abca')})
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print('ValueError:', e)
try:
    dict(['abc'])
except ValueError as e:
    print('ValueError:', e)
m = {'outer': {'inner': [1, {'deep': (2, 3)}]}, 'list': [{}], 'str': "it's"}
print(m)
print(m['outer']['inner'][1]['deep'][0])
print(repr({}), str({1: None}), {None: None, True: False, 1.5: 'f', (1,): ()})
