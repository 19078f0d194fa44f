"""Dictionary loads, stores, membership tests and iteration with str and int keys."""
import sys


def run(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for w in words:
        counts[w] = 0
    squares = {}
    total = 0
    for i in range(n):
        w = words[i % 8]
        counts[w] += 1
        k = i % 1000
        if k in squares:
            total += squares[k]
        else:
            squares[k] = k * k
        total += counts.get(words[(i * 7) % 8], 0)
        if i % 5000 == 0:
            squares.pop((i // 5000) % 1000, None)
    keys = 0
    for k, v in squares.items():
        keys += k ^ (v % 1000)
    return total % 1000000007, sorted(counts.items()), len(squares), keys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4500000
    total, counts, size, keys = run(n)
    print("total", total)
    print("counts", counts)
    print("size", size, "keys", keys)


main()
