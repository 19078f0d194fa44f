r = range(10)
print(r, range(2, 8), range(0, 20, 3), range(10, 0, -2), range(5, 5))
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 3)), list(range(10, 0, -2)), list(range(0, -10, -3)))
print(len(range(10)), len(range(0, 20, 3)), len(range(10, 0, -2)), len(range(5, 0)), len(range(-5, 5, 4)))
print(r[0], r[-1], r[3], range(0, 20, 3)[-2], range(10, 0, -2)[1])
print(r[2:5], r[::-1], r[::2], range(0, 20, 3)[1:4], list(r[8:2:-3]))
print(5 in r, 10 in r, -1 in r, 6 in range(0, 20, 3), 7 in range(0, 20, 3), 4.0 in r, 'a' in r)
print(r.index(4), range(0, 20, 3).index(9), r.count(3), range(1, 10, 2).count(4))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 6, 2) == range(1, 7, 2))
print(r.start, r.stop, r.step, range(3, 9, 2).step)
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(4))))
print(range(10**20)[-1], range(0, 10**20, 7)[5], 10**19 in range(10**20), range(10**20)[10**19 + 1:][:2])
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    r[10]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    r.index(50)
except ValueError as e:
    print('ValueError:', e)
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), type(r).__name__)
