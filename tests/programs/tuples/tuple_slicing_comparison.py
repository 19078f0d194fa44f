t = tuple(range(10))
print(t[2], t[-1], t[2:5], t[::3], t[::-1], t[7:2:-2], t[100:], t[:0])
print(type(t[1:3]).__name__, t[:] is t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 100), () < (0,), (1, 'a') < (1, 'b'))
print((1, 2, 3) == (1, 2, 3), (1, 2) == (1.0, 2.0), (1,) != (1, 1), (0, 0) <= (0, 0))
print(max([(1, 'z'), (2, 'a'), (2, 'b')]), min((3, 1), (3, 0, 0)), sorted([(2, 1), (1, 2), (1, 1)]))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError:', e)
print((1, 2) + (3,), (0,) * 4, 2 * ('a', 'b'), () * 5)
try:
    (1,) + [2]
except TypeError as e:
    print('TypeError:', e)
try:
    t[20]
except IndexError as e:
    print('IndexError:', e)
print(3 in t, 30 in t, (1, 2) in [(1, 2)], t.count(3), (1, 1, 2, 1).count(1), t.index(4), (5, 6, 5).index(5, 1))
try:
    t.index(99)
except ValueError as e:
    print('ValueError:', e)
