it = iter([1, 2, 3])
print(type(it).__name__, next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
vals = [5, 4, 3, 0, 2, 1]
pos = [0]
def reader():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
print(pos)
si = iter('ab')
print(iter(si) is si, list(si))
d_it = iter({'x': 1, 'y': 2})
print(next(d_it), next(d_it))
print(type(iter(())).__name__, type(iter({})).__name__, type(iter(range(0))).__name__, type(iter(set())).__name__)
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), sum(Countdown(10)))
try:
    iter(5)
except TypeError as e:
    print('TypeError:', e)
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
lines = iter(['a', 'b', 'STOP', 'c'])
print(list(iter(lambda: next(lines), 'STOP')))
