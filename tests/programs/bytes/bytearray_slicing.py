ba = bytearray(range(10))
print(ba[2:5], ba[::3], ba[::-1], ba[-2:], type(ba[1:2]).__name__)
ba[2:5] = b'\xff'
print(ba, len(ba))
ba[:0] = b'AB'
print(ba)
ba[-1:] = bytearray(b'xyz')
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[::3]
print(ba)
del ba[1:]
print(ba)
ba[0:1] = []
print(ba, len(ba))
try:
    ba[0:0] = [300]
except ValueError as e:
    print('ValueError:', e)
try:
    ba[::2] = b'too long'
except ValueError as e:
    print('ValueError:', e)
b2 = bytearray(b'hello world')
b2[0] = b2[6] = ord('W')
print(b2, b2.count(b'o'), b2.split(), b2.title(), b2.startswith(b'W'))
mv = memoryview(b2)
print(mv[0], bytes(mv[6:]), len(mv))
