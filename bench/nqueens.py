"""N-Queens by brute force over permutations (after pyperformance's nqueens)."""
import sys


def permutations(iterable, r=None):
    """Pure-Python permutations, equivalent to itertools.permutations."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def n_queens(queen_count):
    """Yield all solutions; each is a tuple of column positions, one per row."""
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    count = 0
    checksum = 0
    first = None
    for sol in n_queens(n):
        if first is None:
            first = sol
        count += 1
        for i in range(n):
            checksum = (checksum * 31 + sol[i] * (i + 1)) % 1000000007
    print("solutions", count)
    print("first", first)
    print("checksum", checksum)


main()
