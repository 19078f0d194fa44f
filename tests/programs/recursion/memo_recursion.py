import sys
sys.setrecursionlimit(5000)
memo = {}
def fib(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(100))
print(fib(1500) % 1000000007)

def partitions(n, k=None, cache={}):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in cache:
        cache[key] = partitions(n - k, k) + partitions(n, k - 1)
    return cache[key]
print([partitions(i) for i in range(1, 16)])
print(partitions(100))

def edit_distance(a, b, i=0, j=0, cache=None):
    if cache is None:
        cache = {}
    if i == len(a):
        return len(b) - j
    if j == len(b):
        return len(a) - i
    if (i, j) in cache:
        return cache[(i, j)]
    if a[i] == b[j]:
        r = edit_distance(a, b, i + 1, j + 1, cache)
    else:
        r = 1 + min(edit_distance(a, b, i + 1, j, cache),
                    edit_distance(a, b, i, j + 1, cache),
                    edit_distance(a, b, i + 1, j + 1, cache))
    cache[(i, j)] = r
    return r
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
    print(a, b, edit_distance(a, b))
