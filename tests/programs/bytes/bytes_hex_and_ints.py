data = bytes(range(0, 256, 17))
print(data, data.hex(), len(data))
print(data.hex('-'), data.hex(' ', 2), bytes.fromhex(data.hex()) == data)
print(bytearray.fromhex('de ad be ef'), bytes.fromhex('DEADBEEF').hex())
print(list(b'\x00\x7f\x80\xff'), bytes([0, 127, 128, 255]))
print(int.from_bytes(b'\x12\x34', 'big'), hex(int.from_bytes(b'\x12\x34', 'little')))
print((1000).to_bytes(4, 'big'), (1000).to_bytes(4, 'little'), (-2).to_bytes(2, 'big', signed=True))
checksum = 0
for byte in b'checksum me':
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum)
print(bytes(x ^ 0x20 for x in b'Hello'), bytes(reversed(b'abc')))
try:
    bytes.fromhex('zz')
except ValueError as e:
    print('ValueError:', e)
