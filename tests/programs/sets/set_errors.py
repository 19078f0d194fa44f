tests = [
    lambda: {1}.remove(2),
    lambda: set().pop(),
    lambda: {[]},
    lambda: set(5),
    lambda: {1} + {2},
    lambda: {1} < 1,
    lambda: frozenset().add(1),
    lambda: set([1])[0],
    lambda: {1, 2} * 2,
    lambda: set([1]).update(3),
    lambda: hash({1}),
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
