s = 'héllo'
b = s.encode()
print(b, type(b).__name__, len(b), b.decode('utf-8'))
print(s.encode('utf-8'), s.encode('latin-1'), s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'))
print(s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'))
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(b'\xff'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'\xe9'.decode('latin-1'))
print('abc'.encode('utf-16-le'), 'abc'.encode('utf-32-be')[:8])
print('{:>10}'.format(s), format(s, '*<8'), f'{s:^11}|')
print(str(b'abc', 'ascii'), str(b'\xc3\xa9', 'utf-8'))
