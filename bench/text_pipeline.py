"""Text pipeline: generator stages tokenize, normalize and filter synthetic text; dicts count words and bigrams; the top entries are reported."""
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

WORDS = ("the quick brown fox jumps over lazy dog while seven wizards quietly hex "
         "bold jazz music and an old river flows past the mill where miller keeps "
         "grain in sacks of wool a tale of two cities told again").split()
STOP = frozenset(["the", "a", "an", "and", "of", "in", "over", "where", "while"])
PUNCT = ".,;:!?"


def make_lines(n, seed):
    """n deterministic lines of 6-14 words with some punctuation and capitals."""
    x = seed
    nw = len(WORDS)
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        count = 6 + x % 9
        parts = []
        for k in range(count):
            x = (x * 1103515245 + 12345) % 2147483648
            w = WORDS[x % nw]
            if x % 13 == 0:
                w = w.capitalize()
            if x % 17 == 0:
                w = w + PUNCT[x % len(PUNCT)]
            parts.append(w)
        yield " ".join(parts)


def tokens(lines):
    for line in lines:
        for word in line.split():
            yield word


def normalized(words):
    for w in words:
        w = w.lower().strip(PUNCT)
        if w:
            yield w


def content(words):
    for w in words:
        if w not in STOP and len(w) > 2:
            yield w


class Counter:
    """A word counter with a derived property and a merge dunder."""

    def __init__(self):
        self.counts = {}
        self.total = 0

    def add(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1
        self.total += 1

    @property
    def distinct(self):
        return len(self.counts)

    def __iadd__(self, other):
        for k, v in other.counts.items():
            self.counts[k] = self.counts.get(k, 0) + v
        self.total += other.total
        return self

    def top(self, k):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def process(lines):
    words = Counter()
    pairs = Counter()
    prev = None
    for w in content(normalized(tokens(lines))):
        words.add(w)
        if prev is not None:
            pairs.add(prev + " " + w)
        prev = w
    return words, pairs


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
    words = Counter()
    pairs = Counter()
    longest = ""
    warm_start()
    for lo, hi in warm_chunks(n):
        w, p = process(make_lines(hi - lo, lo + 1))
        words += w
        pairs += p
        for k in w.counts:
            if len(k) > len(longest) or (len(k) == len(longest) and k < longest):
                longest = k
        if _WARMUP:
            warm_tick()
    print("words", words.total, "distinct", words.distinct)
    print("pairs", pairs.total, "distinct", pairs.distinct)
    print("top", words.top(5))
    print("top pairs", pairs.top(3))
    print("longest", longest)


main()
