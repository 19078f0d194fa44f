def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]

def quick_sort(xs):
    if len(xs) <= 1:
        return xs
    pivot, rest = xs[0], xs[1:]
    return quick_sort([x for x in rest if x < pivot]) + [pivot] + quick_sort([x for x in rest if x >= pivot])

data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 100, 55]
print(merge_sort(data))
print(quick_sort(data))
print(merge_sort(list("recursion")))

def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    return half * half * (base if exp % 2 else 1)
print(power(2, 100), power(3, 13), power(7, 0))

def digits_sum(n):
    return n if n < 10 else digits_sum(sum(int(d) for d in str(n)))
print([digits_sum(n) for n in [0, 9, 38, 987654321, 2 ** 100]])

def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    return [[first] + c for c in combinations(rest, k - 1)] + combinations(rest, k)
print(combinations([1, 2, 3, 4], 2))
print(len(combinations(list(range(10)), 4)))

def flood(grid, r, c, ch):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    grid[r][c] = ch
    return 1 + sum(flood(grid, r + dr, c + dc, ch) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
g = [list(row) for row in ["..#....", ".##.##.", "#...#..", "..#.#.#"]]
print(flood(g, 0, 0, "A"), flood(g, 0, 3, "B"), flood(g, 3, 0, "C"))
print("\n".join("".join(r) for r in g))
