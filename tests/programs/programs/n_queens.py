def solve_queens(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placement = []
    def place(row):
        if row == n:
            solutions.append(list(placement))
            return
        for c in range(n):
            if c in cols or (row - c) in diag1 or (row + c) in diag2:
                continue
            cols.add(c); diag1.add(row - c); diag2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.remove(c); diag1.remove(row - c); diag2.remove(row + c)
    place(0)
    return solutions

for n in range(1, 9):
    print(n, len(solve_queens(n)))

sols = solve_queens(6)
print(sols)
for row in sols[0]:
    print(" ".join("Q" if c == row else "." for c in range(6)))

def count_bits(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    total = 0
    avail = ~(cols | d1 | d2) & ((1 << n) - 1)
    while avail:
        bit = avail & -avail
        avail ^= bit
        total += count_bits(n, row + 1, cols | bit, (d1 | bit) << 1 & ((1 << n) - 1), (d2 | bit) >> 1)
    return total
print([count_bits(n) for n in range(1, 10)])
