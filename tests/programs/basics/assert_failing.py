x = 5
print('checking x')
assert x > 0, 'positive'
print('first assert ok')
assert x < 3, f'x too large: {x}'
print('unreachable')
