# Exits inside an inlined __init__ or operator dunder grow side traces: the
# coordinates switch between int and float, branches inside the dunders go
# both ways, and some operations return NotImplemented on a side path.
class V:
    def __init__(self, x, y):
        if x < 0:
            x = -x
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if o == 0:
            return NotImplemented
        return V(self.x + o, self.y + o)

    def __radd__(self, o):
        return V(o * 10, o * 10)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if k > 5:
            return V(self.x * k, self.y)
        return V(self.x, self.y * k)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


def run(n):
    acc = V(0, 0)
    pts = [V(1, 2), V(1.5, -2), V(-3, 0.25), V(4, 4)]
    for i in range(n):
        p = pts[i % 4]
        q = pts[(i * 7) % 4]
        d = p - q
        acc = acc + d * (i % 9)
        if i % 5 == 0:
            acc = acc + 1
        if i % 13 == 0:
            acc = acc + 0.5
        if i % 97 == 0:
            try:
                acc = 0 + acc
            except TypeError as e:
                print("TypeError", e)
        if i % 1000 == 0:
            print(i, acc)
    return acc


print(run(6000))
