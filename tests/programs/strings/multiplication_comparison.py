print('ab' * 3, 3 * 'ab', 'x' * 0, 'x' * -2, repr('' * 100), '-' * 20)
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'Z' < 'a', '' < 'a', 'a' < 'aa')
print('apple' == 'apple', 'apple' != 'Apple', 'é' > 'z', '10' < '9', 'abc' >= 'abc')
print(sorted(['banana', 'Apple', 'cherry', 'apple', 'Banana', '123', '']))
print(max('hello'), min('hello'), max(['ab', 'b', 'abc']), sorted('hello'))
try:
    'a' < 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 2.0
except TypeError as e:
    print('TypeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
print('a' == 1, 'a' != None, '1' == 1)
print('ab' + 'cd', 'x' 'y', str(1) + str(2))
s = ''
for i in range(5):
    s += str(i)
print(s, s * 2)
