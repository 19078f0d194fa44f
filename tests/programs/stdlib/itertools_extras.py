import itertools as it
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(8))))
print(list(it.pairwise([1, 2, 3, 4])), list(it.pairwise("a")))
print(list(it.islice(it.count(), 0, 20, 7)))
data = [("a", 1), ("b", 2), ("a", 3)]
print(dict((k, [v for _, v in g]) for k, g in it.groupby(sorted(data), key=lambda p: p[0])))
print(list(it.product()), list(it.product([])))
