a = 1
del a
try:
    print(a)
except NameError as e:
    print('NameError:', e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {'x': 1, 'y': 2, 'z': 3}
del d['y']
print(d)
try:
    del d['nope']
except KeyError as e:
    print('KeyError', e)
class C: pass
c = C()
c.attr = 5
c.other = 6
del c.attr
print(hasattr(c, 'attr'), c.other)
try:
    del c.attr
except AttributeError as e:
    print('AttributeError')
x, y, z = 1, 2, 3
del x, y
print(z)
nested = [[1, 2, 3], [4, 5]]
del nested[0][1]
print(nested)
m = [1, 2, 3]
del m[:]
print(m)
def f():
    q = 10
    del q
    try:
        return q
    except UnboundLocalError as e:
        return 'unbound: ' + str(e)
print(f())
try:
    lst2 = [1]
    del lst2[5]
except IndexError as e:
    print('IndexError', e)
