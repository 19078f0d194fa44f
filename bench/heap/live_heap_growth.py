"""A live heap that grows past 1 GB: the collector's worst pauses.

Keeps every pair it makes (no garbage), so each collection marks everything
allocated so far. Run with `coil --gc-stats` (docs/design.md, "What the
collector costs"); the argument is the number of pairs kept, in millions.
"""
import sys


def grow(millions):
    kept = []
    for i in range(millions * 1000000):
        kept.append((i, i))
    return kept


kept = grow(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
print(len(kept), kept[-1])
