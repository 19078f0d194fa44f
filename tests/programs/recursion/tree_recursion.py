def make_tree(depth):
    if depth == 0:
        return None
    return {"val": depth, "left": make_tree(depth - 1), "right": make_tree(depth - 1)}

def count(t):
    return 0 if t is None else 1 + count(t["left"]) + count(t["right"])

def height(t):
    return 0 if t is None else 1 + max(height(t["left"]), height(t["right"]))

def total(t):
    return 0 if t is None else t["val"] + total(t["left"]) + total(t["right"])

t = make_tree(10)
print(count(t), height(t), total(t))

def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(subsets([1, 2, 3]))
print(len(subsets(list(range(12)))))

def power_set_sum(items, i=0, acc=0):
    if i == len(items):
        return [acc]
    return power_set_sum(items, i + 1, acc) + power_set_sum(items, i + 1, acc + items[i])
print(sorted(set(power_set_sum([1, 2, 4, 8]))))

def binary_search(arr, x, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == x:
        return mid
    if arr[mid] < x:
        return binary_search(arr, x, mid + 1, hi)
    return binary_search(arr, x, lo, mid - 1)
arr = list(range(0, 200, 3))
print([binary_search(arr, v, 0, len(arr) - 1) for v in (0, 99, 100, 198, 5)])
