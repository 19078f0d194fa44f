for b in [b'', b'abc', b"quote'", b'dq"', b'both\'"', b'\x00\x01\x7f\x80\xff', b'\t\n\r', b'\\', b'a\x0bb']:
    print(repr(b), len(b), type(b).__name__)
print(b'abc' == b'abc', b'abc' == 'abc', b'a' < b'b', b'ab' < b'abc', b'\xff' > b'\x00')
print(str(b'hi'), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b'copy'), bytes())
print(bytes('héllo', 'utf-8'), bytes(bytearray(b'ba')), bytes((1, 2)))
try:
    bytes([256])
except ValueError as e:
    print('ValueError:', e)
try:
    bytes('text')
except TypeError as e:
    print('TypeError:', e)
try:
    bytes(-1)
except ValueError as e:
    print('ValueError:', e)
print(rb'\n raw', br'\x00', len(rb'\n'))
