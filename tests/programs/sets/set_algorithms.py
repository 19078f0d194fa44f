graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
visited = set()
order = []
def dfs(n):
    if n in visited:
        return
    visited.add(n)
    order.append(n)
    for m in graph[n]:
        dfs(m)
dfs(1)
print(order, visited)
primes = set(range(2, 50))
for i in range(2, 8):
    primes -= set(range(i * i, 50, i))
print(sorted(primes))
a = set('abracadabra')
b = set('alacazam')
print(sorted(a), sorted(b), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat']
anagrams = {}
for w in words:
    anagrams.setdefault(frozenset(w), []).append(w)
print(sorted(v for v in anagrams.values()))
