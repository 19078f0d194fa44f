# Instances hashed and compared by identity as dict keys and set members in
# traced loops (helpers, no residual calls), next to classes defining
# __eq__/__hash__ (their own code runs), a class given __hash__ and __eq__
# mid-loop, and a str subclass key.


class Node:
    def __init__(self, n):
        self.n = n


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x % 5 == other.x % 5

    def __hash__(self):
        return self.x % 5


class Late:
    pass


class Name(str):
    pass


def run(n):
    nodes = [Node(i) for i in range(20)]
    lates = [Late() for i in range(6)]
    counts = {}
    seen = set()
    points = {}
    late_seen = set()
    t = 0
    for i in range(n):
        nd = nodes[i % 20]
        counts[nd] = counts.get(nd, 0) + 1
        seen.add(nd)
        if nd in seen:
            t += 1
        p = Point(i)
        points[p] = points.get(p, 0) + 1
        t += len(points) + (p in points)
        if i == n // 2:
            Late.__eq__ = lambda a, b: True
            Late.__hash__ = lambda a: 1
        late_seen.add(lates[i % 6])
        t += len(late_seen)
        key = Name("k%d" % (i % 3))
        counts[key] = counts.get(key, 0) + 1
    return t, len(counts), sorted(counts[x] for x in nodes)[:3], len(seen), sorted(points.values()), len(late_seen)


print(run(3000))
