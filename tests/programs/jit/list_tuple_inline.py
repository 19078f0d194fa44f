# List and tuple access compiled inline (class, length and bounds guards, direct
# loads and stores), with every way the guards can fail mid-loop.


def mixed(n):
    l = [1, 2, 3, 4]
    t = (10, 20, 30)
    s = 0
    for i in range(n):
        a, b, c = t
        s += l[i % 4] + l[-1] + a + len(l) + len(t)
        l[i % 4] = l[(i + 1) % 4] + 1
        if i == 700:
            l.append(5)          # the length changes: len and bounds re-read
        if i == 900:
            l = (1, 2, 3, 4, 5)  # a tuple where a list was: the class guard exits
            l = list(l)
        if i == 1100:
            t = [7, 8, 9]        # a list where a tuple was
    print(s, l, t)


def shrinking(n):
    l = list(range(50))
    s = 0
    for i in range(n):
        s += l[i % 40]
        if i % 100 == 99:
            l.pop()              # eventually l[i % 40] is past the end
    return s


def negative(n):
    l = [5, 6, 7]
    s = 0
    for i in range(n):
        s += l[-1] - l[-3]
        if i == 500:
            l = [1, 2]           # l[-3] is now out of range
    return s


mixed(1500)
try:
    print(shrinking(3000))
except IndexError as e:
    print("IndexError:", e)
try:
    print(negative(1000))
except IndexError as e:
    print("IndexError:", e)

rows = [[1.5, 2.5], [3.5, 4.5]]
tot = 0.0
for k in range(2000):
    for row in rows:
        x, y = row
        row[0] = y * 0.5
        row[1] = x + 1.0
        tot += row[0] - row[-2]
print(tot, rows)

pairs = [((1, 2), [3.0]), ((4, 5), [6.0])]
acc = 0.0
for k in range(3000):
    for ((p, q), box) in pairs:
        box[0] += p * 0.5 - q
        acc += box[0]
    if k == 2000:
        pairs.append(((7, 8), [9.0]))
    if k == 2500:
        pairs[0] = ([1, 2], [3.0])   # unpacking a list where a tuple was
print(acc, pairs)

try:
    l = [1, 2, 3]
    for i in range(10):
        print(l[i])
except IndexError as e:
    print("IndexError", e)

grid = [[0] * 8 for _ in range(8)]
for i in range(2000):
    r = grid[i % 8]
    r[(i * 3) % 8] += i
    r[-(i % 8) - 1] -= 1
print(grid)
big = [2 ** 40, 2 ** 46]
for i in range(1000):
    big[i % 2] = big[i % 2] + big[1 - i % 2]   # ints that grow into big ints
print(big)
