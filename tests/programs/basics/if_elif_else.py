def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for n in (-3, 0, 7, 42, 1000):
    print(n, classify(n))
x = 5
if x:
    print('truthy x')
if not x:
    print('never')
else:
    print('else branch')
if x > 3:
    if x > 4:
        print('nested >4')
    else:
        print('nested <=4')
s = ''
if s:
    print('nonempty')
elif s is not None:
    print('empty but not None')
for v in [[], [1], None, 'q']:
    if v: print(repr(v), 'yes')
    else: print(repr(v), 'no')
