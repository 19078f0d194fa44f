nums = [5, 2, 8, 1, 9, 3, 7]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'a'), (2, 'c')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
records = [('alice', 30), ('bob', 25), ('carol', 30), ('dave', 25), ('eve', 35)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
by_age_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_age_desc)
mixed = [3.5, 1, 2.25, -1, True, 0]
mixed.sort()
print(mixed)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError:', e)
nested = [[3, 1], [1, 2], [3, 0], [1]]
nested.sort()
print(nested)
print(sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted([]), sorted((3, 2, 1)))
data = list(range(20))
data.sort(key=lambda x: x % 4)
print(data)
s = ['b', 'A', 'a', 'B']
s.sort(key=str.upper, reverse=True)
print(s)
class Item:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
    def __repr__(self): return f'Item({self.v})'
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(5)], key=lambda i: i.v))
