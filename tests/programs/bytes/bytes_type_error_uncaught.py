b = b'data'
print(b, len(b))
print(b.decode())
print(b + 'string')
