edges = {(1, 2), (2, 3), (1, 2), (3, 1)}
print(len(edges), sorted(edges), (2, 3) in edges, (3, 2) in edges)
undirected = {frozenset(e) for e in edges}
print(len(undirected), sorted(sorted(e) for e in undirected))
visited = set()
pos = (0, 0)
moves = 'RRUULDDLR'
deltas = {'R': (1, 0), 'L': (-1, 0), 'U': (0, 1), 'D': (0, -1)}
visited.add(pos)
for m in moves:
    dx, dy = deltas[m]
    pos = (pos[0] + dx, pos[1] + dy)
    visited.add(pos)
print(pos, len(visited), sorted(visited))
a = {(i, i * i) for i in range(5)}
b = {(i, i + i) for i in range(5)}
print(sorted(a & b), sorted(a - b), sorted(a ^ b))
