# codecs.lookup through the encodings package (__import__ with a list fromlist
# returns the submodule), utf-8-sig, pickling bytes (latin1), int() base range
import codecs, pickle
print(codecs.lookup('latin1').name, codecs.encode('é', 'latin1'), codecs.decode(b'\xef\xbb\xbfabc', 'utf-8-sig'))
print(b'\xef\xbb\xbfhi'.decode('utf-8-sig'))
print(pickle.loads(pickle.dumps(b'ab\xff', 2)), pickle.loads(pickle.dumps(bytearray(b'x'), 0)))
print(__import__('json.decoder', fromlist=['*']).__name__)
for b in (2**100, -2**100, 1, 37):
    try:
        int('10', b)
    except ValueError as e:
        print(e)
