# Counter: multiset comparisons (missing counts are zero), in-place operators that
# keep positive counts, update()'s plain copy into an empty Counter, subtract(),
# iteration of a Counter made by __new__ alone, and == against a plain dict.
import pickle
from collections import Counter

a = Counter(a=3, b=2, c=0)
b = Counter(a=3, b=2)
print(a == b, a != b, a == dict(a), dict(b) == b, a == {"a": 3, "b": 2})
p, q = Counter("aab"), Counter("aabbc")
print(p <= q, p < q, q >= p, q > p, p > q, p <= p, p < p)
try:
    p < {"a": 1}
except TypeError as e:
    print("TypeError", e)
c = Counter(a=3, b=1)
c += Counter(a=-5, d=2)
print(c)
c -= Counter(d=1)
print(c)
c |= Counter(b=4, e=-1)
print(c)
c &= Counter(b=2, d=5)
print(c)
print(list(Counter(iterable=None).items()), list(Counter(self=42).items()))
print(list(Counter({"x": None}).items()))
u = Counter("ab")
u.update({"a": 2.5}, b=1)
print(u)
s = Counter(a=1)
s.subtract("aab", c=2)
print(s)
n = Counter.__new__(Counter)
n["k"] = 1
print(list(n), list(pickle.loads(pickle.dumps(Counter("xyx")))))
