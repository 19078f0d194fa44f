g = (x * x for x in range(6))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(list((x, y) for x in range(3) for y in range(x)))
print("-".join(str(n) for n in range(5)))
print(tuple(c.upper() for c in "abc"))
print(sorted((n % 4 for n in range(10)), reverse=True))
print(dict((k, len(k)) for k in ["aa", "b", "cccc"]))
print(set(n % 3 for n in range(10)))
nested = ((i, (j for j in range(i))) for i in range(4))
for i, inner in nested:
    print(i, list(inner))
data = [3, 8, 1, 9]
it = iter(data)
print(list(a + b for a, b in zip(it, it)))
x = 10
gen = (x + i for i in range(3))
x = 20
print(list(gen))
lazy = (1 // n for n in [1, 2, 0])
print(next(lazy), next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(lazy))
