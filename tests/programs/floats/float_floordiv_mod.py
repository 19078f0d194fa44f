pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (0.3, 0.1), (5, 0.5),
         (-0.0, 1.0), (0.0, -1.0), (1e20, 3.0), (3.0, 1e20), (-3.0, 1e20), (2.0, float('inf')),
         (-2.0, float('inf'))]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
for op in ('//', '%', 'divmod', '/'):
    try:
        if op == '//': 1.0 // 0.0
        elif op == '%': 1.0 % 0
        elif op == 'divmod': divmod(1.5, 0.0)
        else: 1.0 / 0.0
    except ZeroDivisionError as e:
        print(op, 'ZeroDivisionError:', e)
