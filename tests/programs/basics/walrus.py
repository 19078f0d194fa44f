data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print('long list', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
vals = iter([3, 2, 1, 0, 9])
while (v := next(vals)) != 0:
    print('v =', v)
print('after', v)
print((z := 5) + z)
def f():
    total = [(acc := 0)]
    for i in range(4):
        acc = acc + i
    return acc
print(f())
def g(items):
    if any((hit := it) > 10 for it in items):
        return hit
    return None
print(g([1, 20, 3]), g([1, 2]))
print([last := i for i in range(3)], last)
x = (w := 3, 4)
print(x, w)
