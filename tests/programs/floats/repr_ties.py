# Floats whose shortest repr needs 17 digits with two equally close candidates:
# CPython picks the correctly rounded (ties-to-even) one.
for x in [250.001861572265625, -250.001861572265625, 0.1 + 0.2, 2 ** 0.5, 1 / 3 * 1e20]:
    print(x, repr(x), str(x))
print([250.001861572265625 * k for k in range(1, 5)])
