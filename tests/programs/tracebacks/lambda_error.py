items = [3, 1, 0, 2]
inverse = lambda x: 1 / x
print([inverse(x) for x in items[:2]])
print(list(map(inverse, items)))
