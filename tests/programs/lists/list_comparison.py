print([1, 2, 3] == [1, 2, 3], [1, 2] == [2, 1], [] == [], [1] != [1.0])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0], [[1]] < [[2]])
print([1, 2, 3] <= [1, 2, 3], [3] >= [2, 100], ['a'] < ['b'])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]))
print([1, 2] == (1, 2), list((1, 2)) == [1, 2])
try:
    [1] < ['a']
except TypeError as e:
    print('TypeError:', e)
try:
    [1] < (1,)
except TypeError as e:
    print('TypeError:', e)
print([float('nan')] == [float('nan')], [None] == [None], [[]] == [[]])
print(2 in [1, 2], [2] in [1, 2], [2] in [[2]], 'a' in ['abc'])
