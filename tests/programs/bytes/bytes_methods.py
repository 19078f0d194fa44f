b = b'  Hello World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b'a,b,,c'.split(b','), b'a b c'.split(maxsplit=1), b'-'.join([b'x', b'y', b'z']))
print(b.find(b'World'), b.find(b'x'), b.index(b'o'), b.rfind(b'o'), b.count(b'l'), b.count(ord('l')))
print(b.replace(b'l', b'L'), b.startswith(b'  H'), b.endswith((b'x', b'  ')), b'abc'.center(9, b'*'))
print(b'hello'.hex(), b'\x00\xff\x10'.hex(), b'abc'.hex(':'), bytes.fromhex('48 65 6c 6c 6f'), bytes.fromhex('00ff'))
print(b'abc'.isalpha(), b'123'.isdigit(), b'a1'.isalnum(), b'  '.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(b'a=b'.partition(b'='), b'line1\nline2\r\n'.splitlines(), b'42'.zfill(5), b'ab'.ljust(4, b'.'))
print(b'%s is %d' % (b'x', 5), b'%05.1f|%x|%c' % (2.5, 255, 65), b'%r' % b'q' if False else b'%b' % b'q')
print(b'abc'.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'\xe9'.decode('latin-1'), b'abc'.decode('ascii'))
print(b'hello'.translate(None, b'l'), b'abc'.removeprefix(b'a'), b'abc'.removesuffix(b'c'))
try:
    b'abc'.decode('utf-8')[5]
except IndexError as e:
    print('IndexError:', e)
try:
    b'\x80abc'.decode('ascii')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
