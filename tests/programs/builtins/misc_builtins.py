print(len('abc'), len([1, 2]), len({}), len(range(7)), len(b'xy'), len({1: 2, 3: 4}), len(set('aab')))
class Sized:
    def __len__(self): return 5
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
print(type(5).__name__, type('') is str, type(type).__name__)
print(id(1) == id(1) if False else 'skip id', isinstance(print, object))
print(round(3.14159, 3), divmod(9, 4), pow(3, 4), abs(-3))
print(list(map(type, [1, 'a', None]))[0].__name__)
print(dir([]) == sorted(dir([])), 'append' in dir([]), 'upper' in dir(''))
print('__len__' in dir(Sized), '__len__' in dir(Sized()))
print(ascii('ü'), repr('ü'), bin(5), oct(5), hex(5))
print(all(isinstance(x, int) for x in (1, True, 10**20)), any(isinstance(x, str) for x in (1, 'a')))
print(slice(1, 5, 2), slice(3), slice(1, 5, 2).indices(4), slice(None).indices(3))
print(object.__name__, type(object()).__name__, isinstance(object(), object))
print(max(map(len, ['a', 'abc', 'ab'])), sum(map(int, '12345')), list(map(chr, range(97, 100))))
