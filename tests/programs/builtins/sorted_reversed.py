data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted('Banana'), sorted('Banana', key=str.lower), sorted(['b', 'A', 'c'], key=str.casefold))
print(sorted({3: 'c', 1: 'a'}.items()), sorted((3, 1, 2)), sorted({9, 3, 6}), sorted(range(5), key=lambda x: (x % 2, -x)))
print(sorted(['aa', 'b', 'ccc', 'dd'], key=len), sorted(['aa', 'b', 'ccc', 'dd'], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed({'a': 1, 'b': 2})), ''.join(reversed('drawer')))
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r), next(r, 'end'))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1, None])
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1], 1)
except TypeError as e:
    print('TypeError:', e)
