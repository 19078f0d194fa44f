# List displays of three to eight items in traced loops: one helper call
# (the items but two parked), the list mutable and kept afterwards.
def run(n):
    t = 0
    keep = []
    for i in range(n):
        a = [i, i + 1, i + 2]
        b = [i, "x", None, 2.5, a, (i,), [i], i * 2]
        t += sum(a) + len(b) + b[-1]
        if i % 1000 == 0:
            keep.append(b)
            b[1] = "y"
    return t, len(keep), keep[-1][:4], keep[0][4]
print(run(20000))
