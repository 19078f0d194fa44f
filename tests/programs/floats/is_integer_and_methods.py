for v in [1.0, 1.5, -2.0, 0.0, -0.0, 1e300, 1e-300, float('inf'), float('nan')]:
    print(repr(v), v.is_integer())
print((1.5).hex(), (0.1).hex(), (-2.0).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'))
print((3.7).real, (3.7).imag, (3.7).conjugate())
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
print((2.5).__trunc__() if hasattr(2.5, '__trunc__') else 'n/a', (2.5).__floor__() if hasattr(2.5, '__floor__') else 'n/a')
