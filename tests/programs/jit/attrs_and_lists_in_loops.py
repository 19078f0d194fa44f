# Attribute loads/stores and list indexing inside hot loops, then a class gains
# an attribute, a global is rebound and a builtin is shadowed mid-run.
class P:
    def __init__(self):
        self.x = 0
        self.v = 3


p = P()
data = [i % 17 for i in range(100)]
for i in range(5000):
    p.x = p.x + p.v
    data[i % 100] = data[i % 100] + 1
print(p.x, sum(data))

SCALE = 2


def scaled(n):
    t = 0
    for i in range(n):
        t += SCALE
    return t


print(scaled(3000))
SCALE = 2.5
print(scaled(3000))
P.v = property(lambda self: 10)
q = P.__new__(P)
q.x = 0
for i in range(100):
    q.x = q.x + 1
print(q.x, q.v)
