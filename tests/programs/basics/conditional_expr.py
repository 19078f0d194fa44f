def sign(n):
    return 'neg' if n < 0 else 'zero' if n == 0 else 'pos'
print([sign(n) for n in (-5, 0, 3)])
x = 10
print('big' if x > 5 else 'small')
print(1 if [] else 2, 1 if [0] else 2)
calls = []
def t(v):
    calls.append(v)
    return v
r = t('a') if t(False) else t('b')
print(r, calls)
print((lambda n: n * 2 if n else -1)(0), (lambda n: n * 2 if n else -1)(4))
y = [i if i % 2 else -i for i in range(6)]
print(y)
z = 5 if True else 1 / 0
print(z)
print(('yes' if 1 else 'no') + '!')
