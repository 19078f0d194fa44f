# Ranges whose bounds do not fit 64 bits.
r = range(1 << 100)
print(r.stop == 1 << 100, r[5], r[-1] == (1 << 100) - 1, 7 in r, -1 in r, r)
print(type(r).__name__, type(iter(r)).__name__, next(iter(r)))
r2 = range(10**30, 10**30 + 10, 3)
print(list(r2), list(reversed(r2)), r2[1:3], r2.index(10**30 + 3), len(r2))
print(r2 == range(10**30, 10**30 + 10, 3), bool(range(10**30, 0)))
try:
    len(r)
except OverflowError as e:
    print(e)
