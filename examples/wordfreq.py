"""Counts word frequencies in a small text and prints a histogram."""

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness.
"""


def words(text):
    for raw in text.split():
        w = raw.strip(".,").lower()
        if w:
            yield w


def main():
    counts = {}
    for w in words(TEXT):
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max(len(w) for w, _ in ranked)
    for word, n in ranked[:8]:
        print(f"{word:>{width}} {'#' * n} {n}")
    print(f"{len(counts)} distinct words, {sum(counts.values())} in all")


if __name__ == "__main__":
    main()
