print(int('42'), int('  42 '), int('-17'), int('+8'), int('\t99\n'))
print(int('1_000'), int('0'), int('-0'), int('000123'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0))
print(int('777', 8), int('0o777', 0), int('101', 2), int('0b101', 0))
print(int('z', 36), int('Zz', 36), int('10', 3), int('123', 10))
print(int('12345678901234567890123456789'))
print(int(' -0x10 ', 16), int('-0b11', 0))
print(int(3.99), int(-3.99), int(True), int())
for bad in ['', '  ', '4.5', 'abc', '1__0', '_1', '0x', '12a', '08']:
    try:
        print(int(bad, 0) if bad == '08' else int(bad))
    except ValueError as e:
        print('ValueError:', e)
try:
    int('9', 8)
except ValueError as e:
    print('ValueError:', e)
try:
    int('10', 1)
except ValueError as e:
    print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int('10', base=37)
except ValueError as e:
    print('ValueError:', e)
print(int(b'42'), int(bytearray(b' 7 ')))
