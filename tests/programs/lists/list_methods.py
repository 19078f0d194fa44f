a = [3, 1, 4]
a.append(1)
print(a)
a.extend([5, 9])
a.extend((2, 6))
a.extend('ab')
a.extend(range(2))
print(a)
a.insert(0, 'first')
a.insert(-1, 'before-last')
a.insert(100, 'end')
a.insert(-100, 'start')
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2))
print(a)
a.remove(1)
print(a, a.index(5), a.index(1), a.count(1), a.count('zz'))
print(a.index(1, 4) if 1 in a[4:] else 'none after 4')
a.reverse()
print(a)
b = a.copy()
b.append('only b')
print(len(a), len(b), b[-1])
b.clear()
print(b)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError:', e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2].index(3)
except ValueError as e:
    print('ValueError:', e)
print([1, 2, 3, 2].index(2, 2), [].count(0), [None].count(None))
print(a.append(0), a.sort(key=str), a)
