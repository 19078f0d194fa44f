s = {1, 2, 3}
s.add(4)
s.add(2)
print(s)
s.discard(10)
s.discard(1)
print(s)
s.remove(2)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print('KeyError:', e)
p = s.pop()
print(p, s)
s.clear()
print(s, len(s), repr(s), str(set()), repr(frozenset()))
try:
    s.pop()
except KeyError as e:
    print('KeyError:', e)
t = {5, 6}
u = t.copy()
u.add(7)
print(t, u)
try:
    {[1, 2]}
except TypeError as e:
    print('TypeError:', e)
try:
    t.add({})
except TypeError as e:
    print('TypeError:', e)
fs = frozenset([1, 2])
try:
    fs.add(3)
except AttributeError as e:
    print('AttributeError:', e)
print(sorted({'b', 'a', 'c'}), len({'x', 'y', 'x'}), 'a' in {'a'}, 'z' not in {'a'})
