print(b'%s|%s' % (b'abc', bytearray(b'def')))
print(b'%d items at %x' % (12, 255), b'%05d' % -42, b'%-6d|' % 7, b'%+.2f' % 3.14159)
print(b'%c%c' % (65, b'B'), b'100%%', b'%(k)s' % {b'k': b'v'})
print(b'%r' % 'str', b'%a' % 'é', b'%b' % b'x')
try:
    b'%s' % 'text'
except TypeError as e:
    print('TypeError:', e)
try:
    b'%d' % b'1'
except TypeError as e:
    print('TypeError:', e)
print(bytearray(b'%s-%s') % (b'a', b'b'), type(bytearray(b'%s') % b'x').__name__)
