# Ranges whose ends are at the edges of 64-bit ints: stepping past the last
# element must stop (it used to wrap around and never end).
M = 2**63
for t in [(M - 2, M - 1, 2), (M - 3, M - 1), (-M + 1, -M, -2), (1, M - 1, M - 1),
          (-1, -M, -M), (1, 2, M - 1), (-1, -2, -M), (M - 5, M - 1, 3), (-M, -M + 5, 2)]:
    r = range(*t)
    print(t, len(r), list(r), list(reversed(r)))
    s = 0
    for x in r:
        s += 1
    print(s, [x - t[0] for x in r])
print(list(reversed(range(-M, -M + 3))), list(reversed(range(M - 3, M - 1))))
print(list(reversed(range(-M, M - 1, M - 1))))
r = range(-M, M - 1, M - 1)
print(r[0], r[1], r[2], r[-1], len(r), M - 2 in r, -1 in r, 0 in r, r.index(M - 2), r.count(-1))
print(r[::2], r[::-1], r[1:], list(r[::2]), list(r[::-1]))
print(range(-M, M)[M + 5], range(-M, M, 3)[-1])
print(range(10)[::3], range(10)[1:8:2], range(0, 20, 3)[:100], range(10)[::-3], range(10)[5:1], range(10)[-100:100:7])
# equality and hashing by (length, first item, step), as CPython
print(hash(range(3)) == hash(range(0, 3)), hash(range(5, 6)) == hash(range(5, 7, 9)),
      hash(range(1, 10, 2)) == hash(range(1, 11, 2)), hash(range(M - 3, M - 1)) == hash(range(M - 3, M - 1)))
print(range(0) == range(5, 5), range(1, 6, 2) == range(1, 7, 2), range(5, 6, 3) == range(5, 7, 9),
      range(M - 3, M - 1) == range(M - 3, M - 1), range(1, 2) != range(1, 3), range(3) == [0, 1, 2])
