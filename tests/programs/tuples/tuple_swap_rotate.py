a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
a, b = b, a
print(a, b)
lst = [1, 2, 3, 4]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
i = 0
i, lst[i] = 1, 'set'
print(i, lst)
t = (1, 2, 3, 4, 5)
k = 2
print(t[k:] + t[:k], t[-k:] + t[:-k])
x, y = 0, 1
for _ in range(10):
    x, y = y, x + y
print(x, y)
pairs = [(1, 'one'), (2, 'two')]
swapped = [(b, a) for a, b in pairs]
print(swapped, dict(swapped))
