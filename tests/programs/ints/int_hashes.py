M = 2**61 - 1
vals = [0, 1, -1, -2, 2, 100, -100, M - 1, M, M + 1, 2 * M, -M, 2**64, -(2**64),
        2**100, -(2**100), 10**30, 2**61, 2**62]
for v in vals:
    print(v, hash(v))
print(hash(-1) == hash(-2), hash(True), hash(False))
print(hash(1) == hash(1.0), hash(2**70) == hash(float(2**70)))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)))
print(hash(0.5), hash(-0.5), hash(1.5), hash(float('inf')), hash(-float('inf')))
d = {M: 'M', 0: 'zero'}
print(d[M], d[0])
