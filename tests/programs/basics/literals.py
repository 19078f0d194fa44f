# Literal forms of every basic type
print(0, 7, -3, 1_000_000, 0x1F, 0o17, 0b1011, 0X_ff, 0B1_0)
print(1.5, .5, 5., 1e3, 1E-3, 1_0.0_1, 3.14e+2)
print(True, False, None)
print('single', "double", '''triple''', """triple2""")
print(r'raw\n', 'esc\tTab', 'a' 'b' "c")
print(b'bytes', rb'raw\x00', b'\x00\xff')
print([1, 2, 3], (1, 2), (1,), (), [], {}, {1: 2}, {1, 2})
print(type(1).__name__, type(1.0).__name__, type('').__name__, type(b'').__name__)
print(type(None).__name__, type(True).__name__, type(()).__name__, type([]).__name__)
print(type({}).__name__, type({1}).__name__)
print(repr('it\'s'), repr("say \"hi\""), repr('\\'))
print(0x7fffffffffffffff, 0xffffffffffffffffffff)
print(...)
print(type(...).__name__)
x = (
    1 +
    2
)
print(x)
y = 1 + \
    2
print(y)
print('\u00e9', '\N{GREEK SMALL LETTER ALPHA}', '\x41', '\101')
