unwound = []
def descend(n, fail_at):
    try:
        if n == fail_at:
            raise ValueError(f"failed at depth {n}")
        return descend(n + 1, fail_at)
    finally:
        unwound.append(n)

try:
    descend(0, 6)
except ValueError as e:
    print("caught:", e)
print("unwound:", unwound)

def find_path(tree, target, path=()):
    name, kids = tree
    path = path + (name,)
    if name == target:
        raise StopIteration(path)
    for k in kids:
        find_path(k, target, path)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("deep", [])])])])
for t in ["a2", "deep", "zzz"]:
    try:
        find_path(tree, t)
        print(t, "not found")
    except StopIteration as s:
        print(t, "->", "/".join(s.value))

def safe_div_chain(values):
    if not values:
        return 1.0
    head, *rest = values
    try:
        return head / safe_div_chain(rest)
    except ZeroDivisionError:
        return float("inf")
print(safe_div_chain([8, 4, 2]), safe_div_chain([8, 0, 2]), safe_div_chain([1, 2, 0]))

def limited(n, budget):
    if budget[0] <= 0:
        raise RecursionError("budget exhausted")
    budget[0] -= 1
    return 1 if n <= 1 else n * limited(n - 1, budget)
print(limited(5, [10]))
try:
    limited(50, [10])
except RecursionError as e:
    print("RecursionError:", e)
