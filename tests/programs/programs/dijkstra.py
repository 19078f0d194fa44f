import heapq

def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    pq = [(0, source)]
    visited = set()
    while pq:
        d, u = heapq.heappop(pq)
        if u in visited:
            continue
        visited.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]

edges = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]
graph = {}
for a, b, w in edges:
    graph.setdefault(a, []).append((b, w))
    graph.setdefault(b, []).append((a, w))

dist, prev = dijkstra(graph, "A")
for node in sorted(graph):
    if node in dist:
        print(node, dist[node], "->".join(path(prev, node)))
    else:
        print(node, "unreachable")

grid = [
    "S.#.....",
    ".##.###.",
    "....#...",
    ".##...#E",
]
def grid_graph(grid):
    g = {}
    H, W = len(grid), len(grid[0])
    for r in range(H):
        for c in range(W):
            if grid[r][c] == "#":
                continue
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                nr, nc = r + dr, c + dc
                if 0 <= nr < H and 0 <= nc < W and grid[nr][nc] != "#":
                    g.setdefault((r, c), []).append(((nr, nc), 1 + (nr + nc) % 3))
    return g
g = grid_graph(grid)
d, p = dijkstra(g, (0, 0))
end = (3, 7)
route = path(p, end)
print("grid cost", d[end], "steps", len(route) - 1)
canvas = [list(row) for row in grid]
for r, c in route[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
