s = 'Hello, World!'
print(s[0], s[4], s[-1], s[-13], len(s))
print(s[0:5], s[7:], s[:5], s[:], s[-6:-1], s[-6:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[10:2:-1], s[10:2:-3])
print(repr(s[5:2]), repr(s[100:]), repr(s[-100:3]), s[2:100])
print(s[None:None:-1] == s[::-1], s[slice(1, 5)], s[slice(None, None, 3)])
for i in (-100, 13, 50):
    try:
        s[i]
    except IndexError as e:
        print('IndexError:', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError:', e)
try:
    s[1.5]
except TypeError as e:
    print('TypeError:', e)
try:
    s[0] = 'h'
except TypeError as e:
    print('TypeError:', e)
t = 'abcdefghij'
for start in (None, 0, 3, -3):
    for stop in (None, 7, -2):
        for step in (None, 1, 2, -1, -3):
            print(repr(t[start:stop:step]), end=' ')
    print()
