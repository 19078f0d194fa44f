grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, (5, 5) in grid)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(tuple()))
print(hash((1, (2, 3))), hash((1, 2, 3)), hash((0,)), hash((-1, -2)))
d = {(1, 'a'): 'first', ((1, 2), 3): 'nested'}
print(d[(1, 'a')], d[((1, 2), 3)])
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
try:
    {(1, [2]): 'x'}
except TypeError as e:
    print('TypeError:', e)
s = {(1, 2), (2, 1), (1, 2)}
print(sorted(s), len(s))
counts = {}
for pair in [(1, 2), (2, 3), (1, 2), (1, 2)]:
    counts[pair] = counts.get(pair, 0) + 1
print(counts)
print({(True, 1): 'a', (1, 1.0): 'b'})
