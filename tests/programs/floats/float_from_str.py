for s in ['1', '1.5', '-2.25', '  3.0  ', '1e3', '1E-3', '+.5', '5.', 'inf', '-inf', 'Infinity',
          '-Infinity', 'nan', 'NaN', '-nan', '1_000.5', '0x10' , '1e500', '-1e500', '1e-400',
          '.', 'abc', '', '1.2.3', '1e', 'in f', '0.1e1', '000.125']:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
print(float(5), float(-0), float(True), float(10**30), float())
print(float(' \t7.25\n'), float(b'2.5') if False else float('2.5'))
try:
    float(None)
except TypeError as e:
    print('TypeError:', e)
try:
    float([1])
except TypeError as e:
    print('TypeError:', e)
