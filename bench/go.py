"""Monte Carlo Go on a 9x9 board with UCT tree search, written for Coil.

Each outer iteration chooses one move for the side to play by running
PLAYOUTS random games (UCT selection down a search tree, random playout
below it) and plays it.  Groups are tracked with union-find and
pseudo-liberty counts; simple ko; area scoring with komi 7.5.  Uses
random.seed(1), random.randrange and random.random only."""
import sys
import time
import random
from math import log as math_log, sqrt as math_sqrt

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

SIZE = 9
KOMI = 7.5
EMPTY, WHITE, BLACK = 0, 1, 2
PASS = -1
MAXMOVES = SIZE * SIZE * 3
PLAYOUTS = 100


def other(color):
    return BLACK if color == WHITE else WHITE


def to_xy(pos):
    return pos % SIZE, pos // SIZE


def move_name(pos):
    if pos == PASS:
        return "pass"
    x, y = to_xy(pos)
    return "ABCDEFGHJ"[x] + str(y + 1)


class Square:
    def __init__(self, board, pos):
        self.board = board
        self.pos = pos
        self.color = EMPTY
        self.reference = self
        self.ledges = 0
        self.stamp = 0
        self.neighbours = []

    def set_neighbours(self):
        x, y = to_xy(self.pos)
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < SIZE and 0 <= ny < SIZE:
                self.neighbours.append(self.board.squares[nx + ny * SIZE])

    def find(self):
        ref = self.reference
        if ref is self:
            return self
        root = ref.find()
        self.reference = root
        return root

    def place(self, color):
        """Put a stone here (the move is known to be legal); returns captures."""
        board = self.board
        self.color = color
        self.reference = self
        self.ledges = 0
        board.empties.remove(self.pos)
        dead = []
        for n in self.neighbours:
            ncolor = n.color
            if ncolor == EMPTY:
                self.ledges += 1
            elif ncolor == color:
                ref = n.find()
                if ref is not self:
                    self.ledges += ref.ledges
                    ref.reference = self
                self.ledges -= 1
            else:
                ref = n.find()
                ref.ledges -= 1
                if ref.ledges == 0:
                    dead.append(n)
        captured = []
        for n in dead:
            if n.color != EMPTY:
                board.remove_group(n, captured)
        return captured


class EmptySet:
    """The empty points, with O(1) add/remove and random choice."""

    def __init__(self):
        self.items = list(range(SIZE * SIZE))
        self.where = list(range(SIZE * SIZE))

    def remove(self, pos):
        i = self.where[pos]
        last = self.items.pop()
        if last != pos:
            self.items[i] = last
            self.where[last] = i

    def add(self, pos):
        self.where[pos] = len(self.items)
        self.items.append(pos)


class Board:
    def __init__(self):
        self.squares = [Square(self, pos) for pos in range(SIZE * SIZE)]
        self.stamp = 0
        for sq in self.squares:
            sq.set_neighbours()
        self.reset()

    def reset(self):
        for sq in self.squares:
            sq.color = EMPTY
            sq.reference = sq
            sq.ledges = 0
        self.empties = EmptySet()
        self.color = BLACK
        self.ko = PASS
        self.passes = 0
        self.moves = 0
        self.history = []

    def copy_from(self, other):
        for sq, osq in zip(self.squares, other.squares):
            sq.color = osq.color
            sq.ledges = osq.ledges
            sq.reference = self.squares[osq.find().pos]
        self.empties = EmptySet()
        self.empties.items = list(other.empties.items)
        self.empties.where = list(other.empties.where)
        self.color = other.color
        self.ko = other.ko
        self.passes = other.passes
        self.moves = other.moves
        self.history = []

    def remove_group(self, start, captured):
        self.stamp += 1
        stamp = self.stamp
        color = start.color
        removed = []
        todo = [start]
        start.stamp = stamp
        while todo:
            sq = todo.pop()
            sq.color = EMPTY
            sq.reference = sq
            self.empties.add(sq.pos)
            removed.append(sq.pos)
            for n in sq.neighbours:
                if n.color == color:
                    if n.stamp != stamp:
                        n.stamp = stamp
                        todo.append(n)
        for pos in removed:
            for n in self.squares[pos].neighbours:
                if n.color != EMPTY:
                    n.find().ledges += 1
        captured.extend(removed)

    def legal(self, pos, color):
        if pos == self.ko:
            return False
        sq = self.squares[pos]
        refs = []
        counts = []
        for n in sq.neighbours:
            if n.color == EMPTY:
                return True
            ref = n.find()
            for i in range(len(refs)):
                if refs[i] is ref:
                    counts[i] += 1
                    break
            else:
                refs.append(ref)
                counts.append(1)
        for i in range(len(refs)):
            ref = refs[i]
            if ref.color == color:
                if ref.ledges > counts[i]:
                    return True
            elif ref.ledges == counts[i]:
                return True
        return False

    def useful(self, pos, color):
        """Legal, and not filling one of our own eyes."""
        if not self.legal(pos, color):
            return False
        sq = self.squares[pos]
        for n in sq.neighbours:
            if n.color != color or n.find().ledges <= 1:
                return True
        return False

    def play(self, pos):
        color = self.color
        self.ko = PASS
        if pos == PASS:
            self.passes += 1
        else:
            self.passes = 0
            sq = self.squares[pos]
            captured = sq.place(color)
            if len(captured) == 1 and sq.ledges == 1:
                alone = True
                for n in sq.neighbours:
                    if n.color == color:
                        alone = False
                if alone:
                    self.ko = captured[0]
        self.history.append(pos)
        self.moves += 1
        self.color = other(color)

    def random_move(self):
        items = self.empties.items
        n = len(items)
        if n == 0:
            return PASS
        color = self.color
        i = random.randrange(n)
        for k in range(n):
            pos = items[(i + k) % n]
            if self.useful(pos, color):
                return pos
        return PASS

    def finished(self):
        return self.passes >= 2 or self.moves >= MAXMOVES

    def playout(self):
        while not self.finished():
            self.play(self.random_move())

    def score(self, color):
        """Area score for `color` (komi added for white)."""
        count = KOMI if color == WHITE else 0.0
        for sq in self.squares:
            c = sq.color
            if c == color:
                count += 1
            elif c == EMPTY:
                mine = False
                theirs = False
                for n in sq.neighbours:
                    if n.color == color:
                        mine = True
                    elif n.color != EMPTY:
                        theirs = True
                if mine and not theirs:
                    count += 1
        return count

    def winner(self):
        return BLACK if self.score(BLACK) > self.score(WHITE) else WHITE


class Node:
    def __init__(self, pos, color):
        self.pos = pos
        self.color = color          # the player who made the move into this node
        self.wins = 0
        self.visits = 0
        self.children = []
        self.unexplored = None

    def select(self):
        best = None
        best_value = -1.0
        log_n = 2.0 * math_log(self.visits)
        for child in self.children:
            value = child.wins / child.visits + math_sqrt(log_n / child.visits)
            if value > best_value:
                best_value = value
                best = child
        return best

    def best_child(self):
        best = None
        for child in self.children:
            if best is None or child.visits > best.visits:
                best = child
        return best


def search(board, scratch, playouts):
    root = Node(PASS, other(board.color))
    for _ in range(playouts):
        scratch.copy_from(board)
        node = root
        path = [node]
        # Selection: descend while fully expanded.
        while True:
            if node.unexplored is None:
                moves = [p for p in scratch.empties.items if scratch.useful(p, scratch.color)]
                moves.sort()
                node.unexplored = moves
            if node.unexplored or not node.children:
                break
            node = node.select()
            scratch.play(node.pos)
            path.append(node)
            if scratch.finished():
                break
        # Expansion.
        if node.unexplored and not scratch.finished():
            i = random.randrange(len(node.unexplored))
            pos = node.unexplored.pop(i)
            child = Node(pos, scratch.color)
            node.children.append(child)
            scratch.play(pos)
            node = child
            path.append(node)
        # Simulation and backpropagation.
        scratch.playout()
        winner = scratch.winner()
        for n in path:
            n.visits += 1
            if n.color == winner:
                n.wins += 1
    best = root.best_child()
    if best is None:
        return PASS, root
    return best.pos, root


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    random.seed(1)
    board = Board()
    scratch = Board()
    warm_start()
    line = []
    total_visits = 0
    for i in range(n):
        if board.finished():
            board.reset()
            line.append("|")
        pos, root = search(board, scratch, PLAYOUTS)
        total_visits += sum(c.visits for c in root.children)
        board.play(pos)
        line.append(move_name(pos))
        if _WARMUP:
            warm_tick()
    for k in range(0, len(line), 20):
        print(" ".join(line[k:k + 20]))
    print("black %.1f white %.1f" % (board.score(BLACK), board.score(WHITE)))
    print("visits", total_visits)
    print("stones", sum(1 for sq in board.squares if sq.color != EMPTY))


main()
