"""A file-system tree walked through properties, recursion and generators (bench/fs_tree.py, smaller)."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --

EXTENSIONS = (".py", ".txt", ".md", ".png", ".json", ".rs", ".jpg", ".log")
STEMS = ("main", "util", "readme", "config", "data", "test", "index", "notes", "logo", "core")


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent

    @property
    def path(self):
        if self.parent is None:
            return self.name
        return self.parent.path + "/" + self.name

    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()


class File(Node):
    def __init__(self, name, size, parent=None):
        super().__init__(name, parent)
        self.size = size

    @property
    def extension(self):
        dot = self.name.rfind(".")
        return self.name[dot:] if dot >= 0 else ""

    def total_size(self):
        return self.size

    def copy(self, parent):
        return type(self)(self.name, self.size, parent)

    def __repr__(self):
        return f"File({self.path!r}, {self.size})"


class ImageFile(File):
    @property
    def pixels(self):
        return self.size * 3 // 4


class Directory(Node):
    def __init__(self, name, parent=None):
        super().__init__(name, parent)
        self.children = {}

    def add(self, node):
        node.parent = self
        self.children[node.name] = node
        return node

    def __iter__(self):
        return iter(self.children.values())

    def __len__(self):
        return len(self.children)

    def __contains__(self, name):
        return name in self.children

    def total_size(self):
        return sum(child.total_size() for child in self)

    def height(self):
        return 1 + max((c.height() for c in self if isinstance(c, Directory)), default=0)

    def walk(self):
        yield self
        for child in self:
            if isinstance(child, Directory):
                yield from child.walk()
            else:
                yield child

    def find(self, predicate):
        return [node for node in self.walk() if predicate(node)]

    def copy(self, parent):
        clone = Directory(self.name, parent)
        for child in self:
            clone.add(child.copy(clone))
        return clone

    def prune(self, keep):
        """Drop files failing keep() and directories left empty; return files dropped."""
        dropped = 0
        for name in list(self.children):
            child = self.children[name]
            if isinstance(child, Directory):
                dropped += child.prune(keep)
                if not child:
                    del self.children[name]
            elif not keep(child):
                del self.children[name]
                dropped += 1
        return dropped


class Stats:
    """A visitor: visit() dispatches on the node's class."""

    def __init__(self):
        self.by_ext = {}
        self.dirs = 0
        self.pixels = 0
        self.deepest = None

    def visit(self, node):
        if isinstance(node, Directory):
            self.dirs += 1
            for child in node:
                self.visit(child)
            return
        if isinstance(node, ImageFile):
            self.pixels += node.pixels
        ext = node.extension
        count, size = self.by_ext.get(ext, (0, 0))
        self.by_ext[ext] = (count + 1, size + node.size)
        if self.deepest is None or node.depth() > self.deepest.depth():
            self.deepest = node


def build(directory, depth, x):
    """Fill directory with a deterministic subtree; return the LCG state."""
    x = (x * 1103515245 + 12345) % 2147483648
    for i in range(2 + (x >> 16) % 6):
        x = (x * 1103515245 + 12345) % 2147483648
        ext = EXTENSIONS[(x >> 5) % len(EXTENSIONS)]
        name = f"{STEMS[(x >> 9) % len(STEMS)]}{i}{ext}"
        kind = ImageFile if ext in (".png", ".jpg") else File
        directory.add(kind(name, (x >> 12) % 50000))
    if depth > 0:
        for i in range((x >> 20) % 5):
            sub = directory.add(Directory(f"d{depth}_{i}"))
            x = build(sub, depth - 1, x + i)
    return x


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    total = removed = largest_size = 0
    ext_totals = {}
    heights = []
    largest = None
    warm_start()
    for lo, hi in warm_chunks(n):
        for k in range(lo, hi):
            root = Directory("root%d" % k)
            build(root, 5, k)
            total += root.total_size()
            stats = Stats()
            stats.visit(root)
            for ext, (count, size) in stats.by_ext.items():
                c, s = ext_totals.get(ext, (0, 0))
                ext_totals[ext] = (c + count, s + size)
            heights.append(root.height())
            big = max(root.find(lambda f: isinstance(f, File)), key=lambda f: (f.size, f.path))
            if big.size > largest_size:
                largest, largest_size = repr(big), big.size
            backup = root.copy(None)
            removed += backup.prune(lambda f: f.extension not in (".log", ".txt") and f.size > 1000)
            if k == n - 1:
                print("last tree", len(stats.by_ext), "exts", stats.dirs, "dirs", stats.pixels,
                      "pixels, deepest", stats.deepest.path, stats.deepest.depth())
                print("after prune", backup.total_size(), "of", root.total_size(),
                      "dirs", sum(1 for d in backup.walk() if isinstance(d, Directory)),
                      "'d5_0' in root:", "d5_0" in root)
        if _WARMUP:
            warm_tick()
    print("trees", n, "bytes", total, "removed", removed)
    print("heights", min(heights), max(heights), sum(heights))
    for ext, (count, size) in sorted(ext_totals.items(), key=lambda kv: (-kv[1][1], kv[0])):
        print(f"  {ext:<6}{count:>8}{size:>14}")
    print("largest", largest)


main()
