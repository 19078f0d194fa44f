x = 'outer x'
result = [x for x in range(3)]
print(result, x)
i = 100
squares = {i: i * i for i in range(3)}
print(squares, i)
y = 'unchanged'
gen = list(y for y in 'ab')
print(gen, y)
s = {z for z in range(2)}
try:
    print(z)
except NameError as e:
    print('NameError:', e)
def f():
    factor = 10
    return [n * factor for n in range(3)]
print(f())
def g(data):
    threshold = 2
    return [d for d in data if d > threshold], {d: d > threshold for d in data}
print(g([1, 2, 3, 4]))
def h():
    total = 0
    vals = [total + k for k in range(3)]
    total = 5
    return vals, [total + k for k in range(3)]
print(h())
def make():
    return [lambda: k for k in range(3)]
print([fn() for fn in make()])
print([[j for j in range(i)] for i in range(4)])
n = 3
print([n for n in range(n)], n)
