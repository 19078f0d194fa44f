# _json's scanstring and string encoders (json.decoder/json.encoder use them).
import json
import _json

print(_json.scanstring('"abc\\n\\u00e9\\ud83d\\ude00" tail', 1))
print(_json.scanstring('x"a\tb"', 2, False))
for args in [('"abc', 1), ('"a\x01"', 1), ('"a\\q"', 1), ('"\\u12"', 1), ('"\\u12zz"', 1),
             ('"\\ud800\\u12x4"', 1), ('"abc\\', 1)]:
    try:
        _json.scanstring(*args)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, e.pos)
for args in [(b'x', 0), ('abc', 4), ('abc', -1), ('abc', 1.0)]:
    try:
        _json.scanstring(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = '\x00\x1f"\\\u20ac\U0001f600\x7f\b\f\n\r\t/'
print(_json.encode_basestring_ascii(s))
print(_json.encode_basestring(s))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    try:
        f(1)
    except TypeError as e:
        print(e)
print(json.dumps({"k": s, "n": [1, 2.5, None]}), json.loads(json.dumps(s)) == s)
print(json.dumps(s, ensure_ascii=False))
print(json.decoder.scanstring is _json.scanstring, _json.scanstring.__module__)
