TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we
were all going direct the other way -- in short, the period was so far like
the present period, that some of its noisiest authorities insisted on its
being received, for good or for evil, in the superlative degree of comparison
only."""

def words(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(cleaned).split()

ws = words(TEXT)
print("total words:", len(ws))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
print("distinct:", len(freq))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top[:12]:
    print(f"{w:>10} {c:3d} {'*' * c}")
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
print("longest:", max(freq, key=lambda w: (len(w), w)))
singles = sorted(w for w, c in freq.items() if c == 1)
print(len(singles), singles[:10])
letters = {}
for w in ws:
    for ch in w:
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
lines = TEXT.split("\n")
print([len(words(l)) for l in lines])
