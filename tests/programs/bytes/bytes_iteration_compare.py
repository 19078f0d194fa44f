b = b'bytes'
for i, x in enumerate(b):
    print(i, x, chr(x), bytes([x]))
print(b == bytearray(b), bytearray(b) == b, b is not bytes(b) or True)
print(sorted([b'b', b'a', b'ab', b'', b'B']), max([b'x', b'xy']))
print(b'abc' != b'abd', b'abc' <= b'abc', bytearray(b'a') < b'b')
print(b'' == bytes(), b'\x00' == bytes(1), bytes(2) == b'\x00\x00')
print({b'key': 1}[b'key'], b'a' in [b'a', b'b'], b'a' == 'a')
print(list(map(hex, b'\x01\xab')), ''.join(chr(c) for c in b'join'))
print(b'x'.join([b'1', bytearray(b'2')]), bytearray(b'-').join([b'a', b'b']))
