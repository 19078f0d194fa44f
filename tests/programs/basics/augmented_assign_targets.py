log = []
def idx(i):
    log.append(('idx', i))
    return i
def obj(o):
    log.append('obj')
    return o
data = [10, 20, 30]
obj(data)[idx(1)] += 5
print(data, log)
log.clear()
d = {'k': [1]}
obj(d)['k'] += [2]
print(d, log)
class A:
    def __init__(self): self.v = 1
a = A()
log.clear()
obj(a).v *= 7
print(a.v, log)
m = [[1, 2], [3, 4]]
m[idx(0)][idx(1)] -= 10
print(m)
s = 'x'
for _ in range(3):
    s += s
print(s, len(s))
n = 2
n **= n
n **= n
print(n)
x = 7
x //= 2; x <<= 3; x %= 5; x |= 8; x ^= 3; x &= 14; x >>= 1; x -= 10
print(x)
