ba = bytearray(b'hello')
print(ba, repr(ba), len(ba), ba[0], type(ba).__name__)
ba[0] = ord('H')
print(ba)
ba.append(33)
print(ba)
ba.extend(b' world')
ba.extend([63, 63])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord('o'))
print(ba)
ba[1:3] = b'EYYY'
print(ba)
del ba[0]
del ba[-3:]
print(ba)
ba.reverse()
print(ba)
ba += b'!!'
print(ba, ba * 2)
print(bytearray(3), bytearray([1, 2, 3]), bytearray('abc', 'ascii'), bytearray(b'x'), bytearray())
print(bytes(ba), ba.decode(), ba == bytes(ba), ba.hex())
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.append(-1), lambda: ba.__setitem__(0, 'a')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
c = bytearray(b'abcdef')
c[::2] = b'XYZ'
print(c, c.upper(), c.find(b'Y'), c.count(b'X'))
c.clear()
print(c, len(c))
d = bytearray(b'xyz')
print(d.copy(), d.index(b'z'), list(d), sorted(d, reverse=True))
try:
    hash(d)
except TypeError as e:
    print('TypeError:', e)
print(hash(b'abc') == hash(b'abc'))
