# Comparisons of exact tuples and lists of plain items (numbers, strs) by one
# helper: every operator, NaN items and items of other kinds (the helper
# leaves and the interpreter compares or raises), tuple == list.
def run(n):
    items = [(i % 7, str(i % 5), float(i % 3)) for i in range(50)]
    lists = [[i % 4, "x"] for i in range(20)]
    t = 0
    nan = float("nan")
    for k in range(n):
        a = items[k % 50]
        b = items[(k * 7) % 50]
        t += (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b)
        c = lists[k % 20]
        d = lists[(k + 3) % 20]
        t += (c < d) + (c == d)
        if k % 100 == 99:
            t += ((1, nan) < (1, nan)) + ((1, nan) == (1, 2.0)) + ((1, "a") < (1, "b"))
            try:
                t += (1, "a") < (1, 2)
            except TypeError:
                t += 1000
            t += ((1,) < (1, 0)) + ((2, None) < (3, None)) + ((1, 2) == [1, 2])
    return t
print(run(5000))
