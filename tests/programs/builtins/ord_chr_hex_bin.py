print(ord('a'), ord('Z'), ord('0'), ord(' '), ord('\n'), ord('é'), ord('€'))
print(chr(97), chr(90), chr(48), repr(chr(10)), chr(0x263A), repr(chr(0)))
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print(hex(0), hex(255), hex(-255), hex(2**40), oct(8), oct(-8), bin(10), bin(-10), bin(0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17, -5))
print(pow(2, 8), pow(2, 8, 5), pow(2.0, -1), pow(-2, 3), pow(4, 0.5))
print(round(2.5), round(3.5), round(2.567, 2), round(-1.5), round(1234, -2), round(0.5 + 1e-9))
print(hash(42), hash(-1), hash(0), hash((1, 2)), hash(()), hash(True), hash(2**64))
try:
    hash([1])
except TypeError as e:
    print('TypeError:', e)
try:
    ord('')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
