class Store:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k))
        return self.data[k]
    def __setitem__(self, k, v):
        self.log.append(("set", k))
        self.data[k] = v
    def __delitem__(self, k):
        self.log.append(("del", k))
        del self.data[k]
    def __contains__(self, k):
        self.log.append(("contains", k))
        return k in self.data
    def __len__(self):
        return len(self.data)
    def __iter__(self):
        return iter(sorted(self.data))

s = Store()
s["a"] = 1
s["b"] = 2
s["c"] = 3
print(s["b"], len(s), "a" in s, "z" in s, "z" not in s)
del s["a"]
print(list(s), len(s))
try:
    s["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del s["missing"]
except KeyError as e:
    print("KeyError:", e)
s["b"] += 10
print(s["b"])
print(s.log)

class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 10 in Seq())
for x in Seq():
    print(x, end=" ")
print()
class Slicer:
    def __getitem__(self, k):
        return repr(k)
sl = Slicer()
print(sl[1], sl[1:2], sl[::2], sl[1, 2], sl["k"], sl[:, 1])
class Empty:
    def __len__(self): return 0
print(bool(Empty()), len(Empty()), "falsy" if not Empty() else "truthy")
