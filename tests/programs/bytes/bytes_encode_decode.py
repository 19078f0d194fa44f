texts = ['ascii', 'café', 'naïve', '日本', '😀', 'mixed é 中 😀', '']
for t in texts:
    enc = t.encode('utf-8')
    print(repr(t), enc, len(enc), enc.decode('utf-8') == t)
print('é'.encode('utf-16'), 'é'.encode('utf-16-be'), 'é'.encode('cp1252') if False else 'é'.encode('latin-1'))
print(b'\xff\xfeh\x00i\x00'.decode('utf-16'), b'\x00h\x00i'.decode('utf-16-be'))
print(b'abc\xff'.decode('utf-8', errors='replace'), b'abc\xff'.decode('utf-8', errors='backslashreplace'))
print(b'\xc3'.decode('utf-8', 'ignore'), repr(b'\xe2\x82'.decode('utf-8', 'replace')))
print(bytes('abc', encoding='ascii'), str(b'\xc3\xa9', encoding='utf-8'))
try:
    '中'.encode('latin-1')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    b'\xc3\x28'.decode()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
