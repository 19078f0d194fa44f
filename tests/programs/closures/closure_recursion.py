def make_fib():
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib, memo
fib, memo = make_fib()
print(fib(50), len(memo))

def walker(tree):
    out = []
    def visit(node, depth):
        if node is None:
            return
        name, children = node
        out.append("  " * depth + name)
        for c in children:
            visit(c, depth + 1)
    visit(tree, 0)
    return out
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
print("\n".join(walker(tree)))

def count_paths(n):
    calls = 0
    def go(r, c):
        nonlocal calls
        calls += 1
        if r == n or c == n:
            return 1
        return go(r + 1, c) + go(r, c + 1)
    res = go(0, 0)
    return res, calls
print(count_paths(4))
