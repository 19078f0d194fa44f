def g():
    yield from range(3)
print(list(g()), {1, 2} | {3}, f"{1.5:>8.2f}")
