def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x

print(apply_n(lambda v: v * 2, 10, 1))
print(apply_n(str.upper, 1, "abc"))

def make_pipeline(*fns):
    def run(x):
        for fn in fns:
            x = fn(x)
        return x
    return run

p = make_pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello Big World  "))
print(list(map(abs, [-1, 2, -3])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(list(map(lambda a, b: a + b, "abc", "xyz")))
print(sorted([3, -1, 2, -5], key=abs))
print(sorted([3, -1, 2, -5], key=abs, reverse=True))
fns = [len, str.upper, sorted, reversed]
for fn in fns[:3]:
    print(fn.__name__, fn("bca"))
print(list(fns[3]("bca")))
def call_with(fn, *a, **k):
    return fn(*a, **k)
print(call_with(max, 3, 9, 2))
print(call_with(sorted, [3, 1, 2], reverse=True))
print(call_with(dict, a=1, b=2))
print(any(map(lambda x: x > 3, [1, 2, 5])), all(map(bool, [1, 0])))
