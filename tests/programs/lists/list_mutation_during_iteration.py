a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
c = list(range(10))
c = [x for x in c if x % 3]
print(c)
d = [5, 6, 7]
for i in range(len(d) - 1, -1, -1):
    if d[i] == 6:
        del d[i]
print(d)
e = [1, 2, 3]
it = iter(e)
print(next(it))
e.clear()
print(list(it))
