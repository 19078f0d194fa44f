"""Loads and stores of instance attributes in a loop over a few objects."""
import sys


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.hits = 0


class Counter:
    def __init__(self):
        self.value = 0
        self.total = 0


def simulate(n):
    parts = [Particle(i, 2 * i, 1 + i % 3, 2 - i % 4) for i in range(4)]
    c = Counter()
    for step in range(n):
        for p in parts:
            p.x = p.x + p.vx
            p.y = p.y + p.vy
            if p.x > 1000 or p.x < 0:
                p.vx = -p.vx
                p.hits += 1
            if p.y > 1000 or p.y < 0:
                p.vy = -p.vy
                p.hits += 1
        c.value += 1
        c.total += parts[step & 3].x
    return parts, c


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    parts, c = simulate(n)
    for p in parts:
        print(p.x, p.y, p.vx, p.vy, p.hits)
    print("counter", c.value, c.total)


main()
