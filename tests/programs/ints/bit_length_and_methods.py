for v in [0, 1, 2, 3, 255, 256, -1, -128, -129, 2**63, 2**64 - 1, 10**30]:
    print(v, v.bit_length())
print((255).to_bytes(2, 'big'), (255).to_bytes(2, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print((-1).to_bytes(2, 'big', signed=True), int.from_bytes(b'\xff\xff', 'big', signed=True))
print((10).bit_count() if hasattr(int, 'bit_count') else 'no bit_count', (2**100 - 1).bit_count())
print((7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print((-8).__abs__(), (3).__add__(4), (10).__floordiv__(3))
print(int.__name__, isinstance(5, int), isinstance(True, int), issubclass(bool, int))
print((6).as_integer_ratio(), (1024).__index__())
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
