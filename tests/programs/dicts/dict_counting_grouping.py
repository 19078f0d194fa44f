text = 'the rain in spain falls mainly on the plain'
letters = {}
for ch in text.replace(' ', ''):
    letters[ch] = letters.get(ch, 0) + 1
print(letters)
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
print({k: sorted(set(v)) for k, v in sorted(by_len.items())})
index = {}
for i, w in enumerate(text.split()):
    index.setdefault(w[0], set()).add(i)
print({k: sorted(v) for k, v in index.items()})
from collections import Counter
c = Counter(text.split())
print(c.most_common(2), c['the'], c['missing'])
inverted = {}
for k, v in letters.items():
    inverted.setdefault(v, []).append(k)
print(sorted((k, sorted(v)) for k, v in inverted.items()))
