import itertools as it
print(list(it.chain([1, 2], (3,), "ab")))
print(list(it.chain.from_iterable([[1, 2], [3], [], [4, 5]])))
print(list(it.chain.from_iterable(["ab", "cd"])))
print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([1, 2, 3, 4, 5], lambda a, b: a * b)))
print(list(it.accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(it.accumulate([1, 2, 3], initial=100)))
for k, g in it.groupby("aaabbcaa"):
    print(k, list(g))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for k, g in it.groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))
print([(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 3, 3, 3, 1])])
print(list(it.zip_longest("abc", [1, 2])))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
x, y, z = it.tee(iter(range(4)), 3)
next(x)
print(list(x), list(y), list(z))
