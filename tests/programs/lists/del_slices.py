a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[100:]
print(a)
b = list(range(10))
del b[1:8:2]
print(b)
del b[:]
print(b, len(b))
try:
    del b[0]
except IndexError as e:
    print('IndexError:', e)
c = [[1, 2, 3], [4, 5, 6]]
del c[0][1:]
del c[1][0]
print(c)
