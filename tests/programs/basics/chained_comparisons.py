calls = []
def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1, 1 == 1 == 2)
print(1 < 2 > 0)
print(1 != 2 != 1)
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3) < v(4))
print(calls)
calls.clear()
x = 5
print(0 <= x < 10, 0 <= x < 5)
print('a' < 'b' < 'c', [1] < [2] <= [2])
print(1 < 2.5 < 3)
print(None is None is not False)
print(1 in [1, 2] in [[1, 2], [3]])
a = [1]
b = a
print(a is b is a, a is not [1])
print((1 < 2) < 3)
print(2 < 3 == 3 >= 1 != 0)
