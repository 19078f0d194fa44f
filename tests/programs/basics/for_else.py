for i in range(3):
    print('i', i)
else:
    print('for else ran')
for i in range(10):
    if i == 4:
        break
else:
    print('not printed')
print('broke at', i)
for x in []:
    print('never')
else:
    print('empty for else')
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
for ch in 'abc':
    continue
else:
    print('continue does not skip else', ch)
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
for a, b in zip('xyz', range(3)):
    print(a * (b + 1))
