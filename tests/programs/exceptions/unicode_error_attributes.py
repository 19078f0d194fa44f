# UnicodeEncodeError/DecodeError/TranslateError: the constructors' checks and
# attributes, str from the attributes (changed ones too), and the errors the
# codecs raise carry encoding, object, start, end and reason
for a in [(1,'a',0,1,'r'), ('a',1,0,1,'r'), ('a','a','x',1,'r'), ('a','a',0,1), ()]:
    try: UnicodeEncodeError(*a)
    except TypeError as e: print(e)
e = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'bad'); print(type(e.object), str(e), e.args)
e = UnicodeTranslateError('abc', 0, 2, 'r'); print(str(e), e.encoding, e.args, repr(e))
e = UnicodeEncodeError('ascii', '\u1234x', 0, 1, 'r'); print(str(e)); e.start = 5; print(str(e)); e.end = -3; print(str(e))
e = UnicodeEncodeError('ascii', '\U00012345x', 0, 1, 'r'); print(str(e))
e = UnicodeDecodeError('ascii', b'\xff', 0, 1, 'r'); print(str(e))
e.reason = 5; print(str(e))
e.encoding = 'baz'; e.object = b'xxxxx'; e.start = 1; e.end = 5; e.reason = 'foo'; print(str(e))
try:
    'aé€'.encode('ascii')
except UnicodeEncodeError as e:
    print(repr(e), e.args, e.start, e.end, e.encoding, e.reason, repr(e.object))
try:
    'a€€b'.encode('latin-1')
except UnicodeEncodeError as e:
    print(str(e), e.start, e.end)
try:
    b'a\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print(repr(e), e.start, e.end, e.encoding, e.reason, e.object)
try:
    b'\x80abc'.decode('ascii')
except UnicodeDecodeError as e:
    print(str(e), e.args)
