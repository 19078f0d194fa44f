try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    {x: y for x, y in [(1, 2), (3,)]}
except ValueError as e:
    print('ValueError:', e)
try:
    {[x]: 1 for x in range(2)}
except TypeError as e:
    print('TypeError:', e)
try:
    [x for x in 5]
except TypeError as e:
    print('TypeError:', e)
try:
    sum(int(s) for s in ['1', 'two'])
except ValueError as e:
    print('ValueError:', e)
partial = []
try:
    for v in (10 // d for d in [5, 2, 0, 1]):
        partial.append(v)
except ZeroDivisionError:
    print('partial', partial)
print([undefined_in_comp for _ in []])
print([int(s) for s in ['3', '4', 'five']])
