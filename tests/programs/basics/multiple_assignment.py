a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = 'hi'
print(s, t)
i, j, k = range(3)
print(i, j, k)
l1 = l2 = []
l1.append(1)
print(l2, l1 is l2)
a, b = b, a + b
print(a, b)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 2, 99
print(idx, lst)
d = {}
d['a'], d['b'] = 'AB'
print(d)
try:
    m, n = 1, 2, 3
except ValueError as e:
    print('ValueError:', e)
try:
    m, n, o = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    m, n = 5
except TypeError as e:
    print('TypeError:', e)
for (u, v), w in [((1, 2), 3), ((4, 5), 6)]:
    print(u + v + w)
e1, = [42]
print(e1)
