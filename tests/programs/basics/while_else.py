i = 0
while i < 5:
    i += 1
else:
    print('while finished normally, i =', i)
i = 0
while i < 5:
    if i == 2:
        print('breaking at', i)
        break
    i += 1
else:
    print('not printed')
n = 0
while False:
    n += 1
else:
    print('empty while else, n =', n)
total = 0
k = 10
while k:
    k -= 1
    if k % 3 == 0:
        continue
    total += k
print('total', total)
def search(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            return i
        i += 1
    else:
        return -1
print(search([4, 5, 6], 6), search([4, 5, 6], 7))
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
