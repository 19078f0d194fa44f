point = (3, 4)
x, y = point
print(x, y)
coords = (1, 2, 3)
print(coords)
x, y = coords
print('unreachable')
