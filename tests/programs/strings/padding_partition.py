s = 'abc'
print('[' + s.center(9) + ']', '[' + s.center(8) + ']', '[' + s.center(9, '*') + ']', '[' + s.center(2) + ']')
print('[' + s.ljust(6) + ']', '[' + s.rjust(6) + ']', '[' + s.ljust(6, '.') + ']', '[' + s.rjust(6, '0') + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(5), '12345'.zfill(3), ''.zfill(2))
try:
    s.center(10, 'ab')
except TypeError as e:
    print('TypeError:', e)
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('='), 'abc'.rpartition('='))
print('key: value: more'.partition(': '), ''.partition('x'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError:', e)
text = 'line1\nline2\r\nline3\rline4\n\nlast'
print(text.splitlines(), text.splitlines(True))
print('trailing\n'.splitlines(), ''.splitlines(), '\n'.splitlines(), 'a\x0bb\x0cc\x1cd'.splitlines())
print(repr('a\tb\tc'.expandtabs()), repr('a\tb\tc'.expandtabs(4)), repr('abcd\te'.expandtabs(4)), repr('\t'.expandtabs(0)))
print(repr('12345\t1\n\tx'.expandtabs(3)))
