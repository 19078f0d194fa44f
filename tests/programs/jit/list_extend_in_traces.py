# lst.extend(other) in traces (LIST_EXTEND) for exact lists and tuples, itself
# included; generators, strs and list subclasses take the interpreter's way.
class L(list):
    def extend(self, other):
        list.extend(self, [x * 10 for x in other])
def gen(n):
    for i in range(n):
        yield i
acc = []
sub = L()
for k in range(400):
    out = []
    out.extend([k, k + 1])
    out.extend((k * 2,))
    out.extend(out)
    if k % 50 == 0:
        out.extend(gen(2))
        out.extend("ab")
        sub.extend([k])
    acc.append(len(out) + sum(x for x in out if isinstance(x, int)))
print(acc[:5], acc[-5:], sum(acc), sub[:3])
