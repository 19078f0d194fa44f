"""Hexiom puzzle solver, written for Coil.

A hexagonal board of side S has 3*S*(S-1)+1 cells.  Each of a given set of
tiles carries a number 0-6; every tile must be placed so that its number
equals the count of occupied cells around it, the other cells staying empty.
Puzzles are made from a seeded random layout (random.seed/random.random only)
with some cells given, and solved from the tile counts and the given cells by constraint propagation over bitmask
domains plus depth-first search, counting solutions up to MAX_SOLUTIONS.
The puzzles are made once; one outer iteration solves all of them."""
import sys
import time
import random

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` per iteration
import os
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t
# --

EMPTY = 7                 # value index for "no tile"; tile values are 0..6
ALL = (1 << 8) - 1
MAX_SOLUTIONS = 20
HINTS = 0.5
BITS = [bin(m).count("1") for m in range(256)]
LOWEST = [0] * 256
for _m in range(1, 256):
    _v = 0
    while not (_m >> _v) & 1:
        _v += 1
    LOWEST[_m] = _v


class Board:
    def __init__(self, side):
        self.side = side
        self.cells = []           # (q, r) axial coordinates
        index = {}
        n = side - 1
        for r in range(-n, n + 1):
            for q in range(-n, n + 1):
                if -n <= q + r <= n:
                    index[(q, r)] = len(self.cells)
                    self.cells.append((q, r))
        self.neighbours = []
        for q, r in self.cells:
            ns = []
            for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
                k = index.get((q + dq, r + dr))
                if k is not None:
                    ns.append(k)
            self.neighbours.append(ns)
        self.size = len(self.cells)

    def render(self, values):
        rows = []
        n = self.side - 1
        k = 0
        for r in range(-n, n + 1):
            width = 2 * n + 1 - abs(r)
            row = []
            for _ in range(width):
                v = values[k]
                row.append("." if v == EMPTY else str(v))
                k += 1
            rows.append(" " * abs(r) + " ".join(row))
        return rows


def make_puzzle(board, density):
    """Random occupied cells; each tile's number is its occupied-neighbour count."""
    occupied = [random.random() < density for _ in range(board.size)]
    values = []
    for k in range(board.size):
        if occupied[k]:
            values.append(sum(1 for j in board.neighbours[k] if occupied[j]))
        else:
            values.append(EMPTY)
    counts = [0] * 8
    for v in values:
        counts[v] += 1
    # Some cells are given (as in the published levels): their value is fixed.
    domains = []
    for v in values:
        domains.append(1 << v if random.random() < HINTS else ALL)
    return values, counts, domains


class Solver:
    def __init__(self, board, counts):
        self.board = board
        self.counts = counts
        self.solutions = 0
        self.first = None
        self.nodes = 0

    def propagate(self, dom):
        """Narrow the domains in place; False on contradiction."""
        board = self.board
        neighbours = board.neighbours
        size = board.size
        counts = self.counts
        changed = True
        while changed:
            changed = False
            used = [0] * 8
            for k in range(size):
                d = dom[k]
                if d == 0:
                    return False
                if BITS[d] == 1:
                    used[LOWEST[d]] += 1
            for v in range(8):
                if used[v] > counts[v]:
                    return False
                if used[v] == counts[v]:
                    bit = 1 << v
                    for k in range(size):
                        d = dom[k]
                        if d & bit and d != bit:
                            dom[k] = d & ~bit
                            changed = True
            for k in range(size):
                d = dom[k]
                filled = 0
                possible = 0
                for j in neighbours[k]:
                    dj = dom[j]
                    if dj & 127:
                        possible += 1
                        if not dj & 128:
                            filled += 1
                # A tile showing v needs filled <= v <= possible.
                allowed = 128
                for v in range(filled, min(possible, 6) + 1):
                    allowed |= 1 << v
                nd = d & allowed
                if nd != d:
                    if nd == 0:
                        return False
                    dom[k] = nd
                    changed = True
                    d = nd
                if BITS[d] == 1 and d != 128:
                    v = LOWEST[d]
                    if v == filled and possible > filled:
                        for j in neighbours[k]:
                            dj = dom[j]
                            if dj & 128 and dj != 128:
                                dom[j] = 128
                                changed = True
                    elif v == possible and filled < possible:
                        for j in neighbours[k]:
                            dj = dom[j]
                            if dj & 128 and dj != 128:
                                dom[j] = dj & 127
                                changed = True
        return True

    def search(self, dom):
        self.nodes += 1
        if not self.propagate(dom):
            return
        best = -1
        best_bits = 99
        for k in range(self.board.size):
            b = BITS[dom[k]]
            if 1 < b < best_bits:
                best = k
                best_bits = b
        if best < 0:
            self.solutions += 1
            if self.first is None:
                self.first = [LOWEST[d] for d in dom]
            return
        d = dom[best]
        for v in range(8):
            if d >> v & 1:
                child = dom[:]
                child[best] = 1 << v
                self.search(child)
                if self.solutions >= MAX_SOLUTIONS:
                    return


def check(board, values, counts):
    got = [0] * 8
    for k, v in enumerate(values):
        got[v] += 1
        if v != EMPTY:
            n = sum(1 for j in board.neighbours[k] if values[j] != EMPTY)
            if n != v:
                return False
    return got == counts


PUZZLES = 8


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    random.seed(7)
    boards = {4: Board(4), 5: Board(5)}
    puzzles = []
    for i in range(PUZZLES):
        board = boards[4 if i % 3 == 0 else 5]
        density = 0.45 + 0.1 * (i % 4)
        values, counts, domains = make_puzzle(board, density)
        puzzles.append((board, counts, domains))
    total_solutions = 0
    total_nodes = 0
    warm_start()
    for it in range(n):
        for i in range(PUZZLES):
            board, counts, domains = puzzles[i]
            solver = Solver(board, counts)
            solver.search(domains[:])
            ok = solver.first is not None and check(board, solver.first, counts)
            total_solutions += solver.solutions
            total_nodes += solver.nodes
            if it == 0:
                print("puzzle %d: side %d tiles %s solutions %d%s nodes %d %s" % (
                    i, board.side, ",".join(str(c) for c in counts[:7]),
                    solver.solutions, "+" if solver.solutions >= MAX_SOLUTIONS else "",
                    solver.nodes, "ok" if ok else "WRONG"))
                if i < 2:
                    for row in board.render(solver.first):
                        print("   " + row)
        if _WARMUP:
            warm_tick()
    print("iterations", n)
    print("solutions", total_solutions)
    print("nodes", total_nodes)


main()
