def none_implicit():
    pass
def none_explicit():
    return
def multi():
    return 1, "two", [3]
def early(x):
    if x < 0:
        return "negative"
    for i in range(10):
        if i == x:
            return f"found {i}"
    return "big"
print(none_implicit(), none_explicit())
r = multi()
print(r, type(r).__name__)
a, b, c = multi()
print(a, b, c)
for v in (-5, 3, 50):
    print(early(v))
def swap(a, b):
    return b, a
print(swap(1, 2))
x, y = 10, 20
x, y = swap(x, y)
print(x, y)
def gen_fn():
    return (i for i in range(3))
print(list(gen_fn()))
def returns_func():
    def inner():
        return "inner!"
    return inner
print(returns_func()())
def nested_return():
    try:
        return "try"
    finally:
        print("finally runs")
print(nested_return())
first, *rest = multi()
print(first, rest)
