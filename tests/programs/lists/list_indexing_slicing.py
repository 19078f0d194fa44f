a = list(range(10))
print(a[0], a[-1], a[3], a[-4], a[2:5], a[:3], a[7:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-5:-1], a[5:1], a[100:], a[-100:2])
print(a[slice(2, 8, 3)], a[:] == a, a[:] is a)
for i in (10, -11):
    try:
        a[i]
    except IndexError as e:
        print('IndexError:', e)
try:
    a['1']
except TypeError as e:
    print('TypeError:', e)
try:
    a[::0]
except ValueError as e:
    print('ValueError:', e)
b = [[1, 2], [3, 4]]
print(b[1][0], b[-1][-1], b[0][::-1])
print(a[True], a[False:True])
