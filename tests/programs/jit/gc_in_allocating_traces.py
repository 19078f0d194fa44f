# Loops whose traces allocate through helpers (iterators, ranges, list appends)
# must let the collector run: the trace leaves at its loop header when a
# collection is due, and every value it holds is then in the frame. Objects
# made in the trace and still reachable survive collections intact.

pairs = [([1.0, 2.0], [3.0]), ([4.0, 5.0], [6.0])]


def nested(n):
    s = 0.0
    for i in range(n):
        for (a, b) in pairs:
            s += a[0] * b[0]
    return s


def kept_and_dropped(n):
    kept = []
    total = 0
    for i in range(n):
        r = range(i % 7)
        for x in r:
            total += x
        if i % 1000 == 0:
            kept.append([i, i + 1])
    return total, len(kept), kept[3], kept[-1]


def rebuilt(n):
    acc = []
    last = None
    for i in range(n):
        row = []
        for j in range(3):
            row.append(i * j)
        last = row
        if i % 5000 == 0:
            acc.append(row)
    return last, len(acc), acc[2]


print(nested(60000))
print(kept_and_dropped(30000))
print(rebuilt(30000))
