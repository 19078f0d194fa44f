PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""

def parse(s):
    rows = [line for line in s.strip().split("\n")]
    return [[0 if ch == "." else int(ch) for ch in row] for row in rows]

def candidates(board, r, c):
    used = set(board[r]) | {board[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {board[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [v for v in range(1, 10) if v not in used]

steps = 0
def solve(board):
    global steps
    best = None
    for r in range(9):
        for c in range(9):
            if board[r][c] == 0:
                cands = candidates(board, r, c)
                if best is None or len(cands) < len(best[2]):
                    best = (r, c, cands)
    if best is None:
        return True
    r, c, cands = best
    for v in cands:
        steps += 1
        board[r][c] = v
        if solve(board):
            return True
        board[r][c] = 0
    return False

def show(board):
    lines = []
    for r, row in enumerate(board):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        parts = []
        for c, v in enumerate(row):
            if c and c % 3 == 0:
                parts.append("|")
            parts.append(str(v) if v else ".")
        lines.append(" ".join(parts))
    return "\n".join(lines)

def valid(board):
    groups = [row for row in board]
    groups += [[board[r][c] for r in range(9)] for c in range(9)]
    groups += [[board[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)]
               for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(g) == list(range(1, 10)) for g in groups)

b = parse(PUZZLE)
print(show(b))
print()
print(solve(b), "steps:", steps)
print(show(b))
print("valid:", valid(b))
