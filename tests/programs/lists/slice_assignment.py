a = list(range(8))
a[2:4] = ['x', 'y', 'z']
print(a)
a[1:6] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[:] = 'abc'
print(a)
b = list(range(10))
b[::2] = ['e0', 'e2', 'e4', 'e6', 'e8']
print(b)
b[1::3] = [None] * 3
print(b)
b[::-3] = 'WXYZ'
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = [1, 2, 3, 4]
d[3:1] = ['ins']
print(d)
d[-1:] = range(3)
print(d)
try:
    d[0:1] = 5
except TypeError as e:
    print('TypeError:', e)
e = [0] * 5
e[1:4:1] = (7, 8)
print(e)
f = list(range(6))
f[::-1] = f
print(f)
g = list(range(5))
g[10:20] = ['far']
print(g)
