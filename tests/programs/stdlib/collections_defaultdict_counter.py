from collections import defaultdict, Counter
dd = defaultdict(list)
for word in "apple bat bar cat apple axe".split():
    dd[word[0]].append(word)
print(dict(dd))
print(dd["z"], "z" in dd, len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
print(dd.default_factory, defaultdict(set).default_factory)
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"])
print(sorted(c.elements()))
c2 = Counter(a=1, b=10)
print(c + c2)
print(c - c2)
print(c & c2, c | c2)
c.update("zzz")
print(c.most_common(3))
c.subtract({"z": 5})
print(c["z"], +c == Counter({k: v for k, v in c.items() if v > 0}))
print(Counter([1, 1, 2, 3, 3, 3]).most_common())
print(sum(Counter("hello").values()), list(Counter("hello").keys()))
print(Counter(["x", "y", "x"]) == Counter({"x": 2, "y": 1}))
print(Counter("aab").total())
