def zeros(n, m):
    return [[0] * m for _ in range(n)]

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]

def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    if len(a[0]) != k:
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {k}x{m}")
    out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out

def transpose(a):
    return [list(r) for r in zip(*a)]

def matpow(a, p):
    result = identity(len(a))
    while p:
        if p & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        p >>= 1
    return result

def det(a):
    if len(a) == 1:
        return a[0][0]
    if len(a) == 2:
        return a[0][0] * a[1][1] - a[0][1] * a[1][0]
    total = 0
    for c in range(len(a)):
        minor = [row[:c] + row[c + 1:] for row in a[1:]]
        total += (-1) ** c * a[0][c] * det(minor)
    return total

def show(m):
    w = max(len(str(x)) for r in m for x in r)
    for r in m:
        print("  ".join(str(x).rjust(w) for x in r))

A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B))
show(matmul(B, A))
show(transpose(A))
print(matmul(identity(3), B) == B)
try:
    matmul(A, A)
except ValueError as e:
    print("ValueError:", e)
F = [[1, 1], [1, 0]]
print([matpow(F, n)[0][1] for n in range(1, 15)])
print(matpow(F, 100)[0][1])
M = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(M), det(identity(4)), det([[1, 2], [2, 4]]))
H = [[1 / (i + j + 1) for j in range(3)] for i in range(3)]
print([[round(x, 4) for x in r] for r in matmul(H, H)])
big = [[(i * 7 + j * 3) % 10 for j in range(12)] for i in range(12)]
sq = matmul(big, big)
print(sum(map(sum, sq)), sq[5][7], max(max(r) for r in sq))
