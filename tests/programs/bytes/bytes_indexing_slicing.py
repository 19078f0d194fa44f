b = b'Hello, bytes!'
print(b[0], b[-1], type(b[0]).__name__, b[1:5], b[::-1], b[::2], b[-6:])
print(list(b[:5]), [x for x in b'abc'], tuple(b'\x00\xff'))
print(b[100:], b[5:2], b[slice(0, 3)])
try:
    b[20]
except IndexError as e:
    print('IndexError:', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
print(b'x' in b, b'lo' in b, 72 in b, 0 in b, b'' in b)
try:
    300 in b
except ValueError as e:
    print('ValueError:', e)
print(b + b' more', b'ab' * 3, 2 * b'xy', b'a' + bytearray(b'b'), type(b'a' + bytearray(b'b')).__name__)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
print(len(b), len(b''), max(b), min(b), sum(b'\x01\x02\x03'), sorted(b'cab'))
