# Slices of lists and tuples computed by the helpers themselves: every bound
# form (None, negative, past either end) with steps of both signs, slice
# assignment that grows, shrinks and inserts, a list assigned into itself, and
# an extended slice of the wrong size (ValueError from the interpreter).
bounds = [None, -12, -3, -1, 0, 1, 2, 5, 9, 20]
steps = [None, 1, 2, 3, -1, -2, -5]

def all_slices(seq):
    out = []
    for a in bounds:
        for b in bounds:
            for s in steps:
                out.append(seq[a:b:s])
    return out

lst = list(range(9))
tup = tuple("abcdefghi")
r1 = all_slices(lst)
r2 = all_slices(tup)
print(len(r1), sum(len(x) for x in r1), r1[::97])
print(len(r2), sum(len(x) for x in r2), r2[::89])

def assign_runs(n):
    total = 0
    last = None
    for i in range(n):
        a = list(range(8))
        a[i % 5:i % 7] = [i, -i]
        a[-3:] = (7,)
        a[10:] = [99]
        a[2:1] = ["ins"]
        a[:] = a
        a[1:3] = a
        b = list(range(10))
        b[::2] = b[1::2]
        b[::-3] = ("x", "y", "z", "w")
        total += len(a) + len(b)
        last = (a, b)
    return total, last

print(assign_runs(300))

def bad_sizes(n):
    errors = 0
    for i in range(n):
        a = list(range(6))
        try:
            a[::2] = [1] * (i % 4)
        except ValueError as e:
            errors += 1
            msg = str(e)
    return errors, msg

print(bad_sizes(200))
