# obj.m of a plain method made by a helper (NEW_BOUND) and its calls inlined:
# positional, keyword, defaulted; kept in a variable; a subclass's override;
# an instance attribute shadowing the method later.
class P:
    def __init__(self, s): self.s = s
    def g(self, x, k=2): return x * k + self.s
    def h(self, *a): return len(a) + self.s
    def loop(self, n):
        t = 0
        for j in range(n): t += j
        return t
class Q(P):
    def g(self, x, k=5): return -x * k
def main():
    ps = [P(3), Q(1), P(2)]
    t = 0
    keep = []
    for i in range(3000):
        p = ps[i % 3] if i > 2000 else ps[0]
        m = p.g
        t += p.g(i, k=3) + p.g(x=i) + p.g(i) + m(i % 5) + p.h(1, 2) + p.loop(3)
        if i % 500 == 0:
            keep.append(m)
            p.g = (lambda x, k=1: x) if i == 2500 else p.g
    print(t, [type(k).__name__ for k in keep], keep[0].__self__ is ps[0], keep[0] == ps[0].g)
main()
