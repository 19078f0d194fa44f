print({5, 1, 33, 9})
print({100, 10, 1, 1000})
print({3, 2, 1}, {0, 8, 16, 24}, {-1, -2, 3})
print(set(range(10, 0, -1)))
print({32, 1, 64, 2})
s = set()
for x in [50, 7, 99, 3, 8, 1000000, 42]:
    s.add(x)
print(s, list(s))
print(set([9, 8, 7]) | {1}, {1, 2, 3} & {3, 2}, {10, 20, 30} - {20})
print(frozenset({7, 3, 11}), list({17, 9, 1}))
t = {i * 7 % 13 for i in range(13)}
print(t)
print({True, 2, 0, False}, {1.5, 1, 2.0})
