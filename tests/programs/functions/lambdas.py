sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2))
print(sq.__name__)
print((lambda: 42)())
print((lambda *a, **k: (a, k))(1, 2, z=3))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
print(list(map(lambda x: x * 3, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(20))))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for k in "+-*":
    print(k, ops[k](6, 3))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
print((lambda x: "pos" if x > 0 else "neg" if x < 0 else "zero")(0))
fact = lambda n: 1 if n == 0 else n * fact(n - 1)
print(fact(12))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(max(pairs, key=lambda p: p[1]))
print(min(pairs, key=lambda p: -p[0]))
