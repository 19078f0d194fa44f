def parse(rows):
    return {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#"}

def neighbors(cell, h, w):
    r, c = cell
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                yield ((r + dr) % h, (c + dc) % w)

def step(live, h, w):
    counts = {}
    for cell in live:
        for n in neighbors(cell, h, w):
            counts[n] = counts.get(n, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def render(live, h, w):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(w)) for r in range(h))

start = [
    "............",
    "...#....##..",
    "....#...##..",
    "..###.......",
    "............",
    "............",
    "............",
    "...#........",
    "...#........",
    "...#........",
    "............",
]
H, W = len(start), len(start[0])
live = parse(start)
history = []
for gen in range(21):
    if gen % 5 == 0:
        print(f"generation {gen}: {len(live)} alive")
        print(render(live, H, W))
    history.append(len(live))
    live = step(live, H, W)
print(history)
blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
b1 = step(blinker, 5, 5)
print(render(b1, 5, 5))
print(step(b1, 5, 5) == blinker)
