class Bag:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, o):
        print("iadd called")
        self.items.extend(o)
        return self
    def __add__(self, o):
        print("add called")
        return Bag(self.items + list(o))
    def __repr__(self):
        return f"Bag({self.items})"

b = Bag([1])
orig = b
b += [2, 3]
print(b, b is orig)
c = b + [4]
print(c, c is b)

class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
o2 = o
o += 10
print(o.v, o2.v, o is o2)

lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
t = (1,)
ta = t
t += (2,)
print(t, ta, t is ta)
s = "ab"
s += "c"
print(s)
class Acc:
    def __init__(self): self.n = 0
    def __iadd__(self, k): self.n += k; return self
    def __isub__(self, k): self.n -= k; return self
    def __imul__(self, k): self.n *= k; return self
a = Acc()
a += 5; a *= 3; a -= 1
print(a.n)
class BadIadd:
    def __iadd__(self, o): return None
z = BadIadd()
z += 1
print(z)
items = [Acc(), Acc()]
items[0] += 7
print(items[0].n)
