# d.keys(), d.values() and d.items() of exact dicts called from traces
# directly (a dict subclass, or a changed dict, takes the interpreter's way)
from collections import OrderedDict


class Tagged(dict):
    def values(self):
        return ["tagged"]


d = {i: i * i for i in range(6)}
t = Tagged(a=1)
o = OrderedDict(x=1, y=2)
acc = 0
seen = []
for k in range(400):
    for v in d.values():
        acc += v
    for key in d.keys():
        acc += key
    for key, v in d.items():
        acc ^= key * v
    if k % 50 == 0:
        seen.append(list(t.values()))
        seen.append(list(o.keys()))
    if k == 200:
        d[6] = 36
    src = d if k % 7 else t
    seen.append(len(src.values()))
print(acc, seen[:6], sum(x for x in seen if isinstance(x, int)))
try:
    for key in d.keys():
        d[key + 100] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(d.items())[:3], len(d))
