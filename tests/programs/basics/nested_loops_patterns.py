for i in range(1, 6):
    print(' '.join(f'{i * j:3d}' for j in range(1, 6)))
for n in range(1, 5):
    print(' ' * (4 - n) + '*' * (2 * n - 1))
pairs = []
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                pairs.append((a, b, c))
print(pairs)
count = 0
outer = 0
while outer < 4:
    inner = 0
    while inner < outer:
        count += outer * inner
        inner += 1
    outer += 1
print(count)
grid = ['#..#', '.##.', '#..#']
for r, row in enumerate(grid):
    for c, ch in enumerate(row):
        if ch == '#' and r == c:
            print('diag hash at', r, c)
