def f(a, b, c, d=0, e=0):
    return f"a={a} b={b} c={c} d={d} e={e}"

args = (1, 2)
kw = {"d": 4, "e": 5}
print(f(*args, 3))
print(f(*args, 3, **kw))
print(f(0, *[1, 2], e=9))
print(f(*range(3)))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, *(), **{}, b=2, c=3))

def g(*a, **k):
    return len(a), sorted(k.items())
print(g(*"hello", **dict(x=1, y=2)))
print(g(*[1, 2], *[3], **{"p": 1}, **{"q": 2}))
pairs = [(1, 2), (3, 4), (5, 6)]
print([f(*p, 0) for p in pairs])
print(list(zip(*pairs)))
m = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*m))))
try:
    f(*[1, 2, 3, 4, 5, 6])
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, **{"a": 5})
except TypeError as e:
    print("TypeError:", e)
