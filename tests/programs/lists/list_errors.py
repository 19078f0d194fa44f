a = [1, 2, 3]
tests = [
    lambda: a[3],
    lambda: a[-4],
    lambda: a.__setitem__(5, 0),
    lambda: a.pop(10),
    lambda: a.remove(99),
    lambda: a.index('x'),
    lambda: a + (4,),
    lambda: a * 'x',
    lambda: a['k'],
    lambda: a.insert('0', 1),
    lambda: [].pop(),
    lambda: hash(a),
    lambda: {a: 1},
    lambda: a < 'abc',
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
