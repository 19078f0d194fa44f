a = [0] * 5
print(a, [1, 2] * 3, 3 * ['x'], [] * 10, [1] * 0, [1] * -1)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good, good[0] is good[1])
x = [1, 2]
y = x
y.append(3)
print(x, y, x is y)
z = x[:]
z.append(4)
print(x, z)
outer = [x, x]
x.append('shared')
print(outer)
import copy
deep = copy.deepcopy(outer)
deep[0].append('deep only')
print(outer, deep, deep[0] is deep[1])
shallow = copy.copy(outer)
print(shallow[0] is outer[0], shallow is outer)
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref, len(self_ref))
d = {'k': []}
d['k'].append(1)
print(d)
