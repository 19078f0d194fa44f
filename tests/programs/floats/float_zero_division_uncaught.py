values = [4.0, 2.0, 1.0, 0.0]
for v in values:
    print('1 /', v, '=', 1 / v)
