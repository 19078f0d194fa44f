rows = ([1, 2], [3, 4])
rows[1].append(5)
print(rows)
copy_rows = tuple(list(r) for r in rows)
copy_rows[0].clear()
print(rows, copy_rows)
pair = ([], {})
pair[0].append('x')
pair[1]['k'] = 'v'
print(pair)
t = (1, [2, 3])
try:
    t[1] += [4]
except TypeError as e:
    print('TypeError:', e)
print(t)
u = ([0],) * 3
u[0][0] = 7
print(u, u[0] is u[2])
print([list(x) for x in ((1, 2), (3,))], tuple(map(tuple, [[1], [2, 3]])))
