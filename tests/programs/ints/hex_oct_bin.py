for v in [0, 1, 7, 8, 10, 15, 16, 255, 256, -1, -255, 2**64, -(2**70) + 3]:
    print(v, hex(v), oct(v), bin(v))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, '#X'))
print(format(8, 'o'), format(8, '#o'), format(5, 'b'), format(5, '#b'))
print(format(5, '08b'), format(-5, '08b'), format(255, '#010x'))
print(format(10**20, 'x'), format(1234567, ',d'), format(1234567, '_d'), format(0xdeadbeef, '_x'))
print(f'{42:x} {42:o} {42:b} {42:#b} {-42:x}')
print('%x %X %o %#x %#o' % (255, 255, 8, 255, 8))
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
