"""List indexing loads and stores in nested loops."""
import sys


def run(n, reps):
    a = [i % 7 for i in range(n)]
    b = [0] * n
    for r in range(reps):
        for i in range(1, n - 1):
            b[i] = a[i - 1] + a[i] * 2 + a[i + 1] + r
        for i in range(n):
            a[i] = b[i] % 101
    grid = [[(i * j) % 13 for j in range(64)] for i in range(64)]
    t = 0
    for k in range(reps // 8 + 1):
        for i in range(64):
            row = grid[i]
            for j in range(64):
                row[j] = (row[j] + grid[j][i] + k) % 97
                t += row[j]
    return sum(a), a[n // 2], t


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 2400
    s, mid, t = run(5000, reps)
    print("sum", s)
    print("mid", mid)
    print("grid", t)


main()
