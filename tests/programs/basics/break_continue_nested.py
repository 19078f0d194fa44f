for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > i + 1:
            break
        print(i, j)
result = []
for i in range(1, 5):
    for j in range(1, 5):
        if (i * j) % 3 == 0:
            break
        result.append(i * j)
    else:
        result.append('no-break')
print(result)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for val in row:
        if val == 4:
            found = val
            break
    else:
        continue
    break
print('found', found, 'row', row)
count = 0
i = 0
while i < 3:
    j = 0
    while True:
        j += 1
        if j > i:
            break
        count += 1
    i += 1
print('count', count)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
for r in grid:
    line = ''
    for v in r:
        if v % 2:
            continue
        line += str(v) + ' '
    print(line.strip())
try:
    for i in range(3):
        try:
            if i == 1:
                continue
            print('body', i)
        finally:
            print('finally', i)
finally:
    print('outer finally')
for i in range(3):
    try:
        break
    finally:
        print('finally on break', i)
