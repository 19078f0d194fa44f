# The unicode_escape and raw_unicode_escape codecs.
import codecs

for s in ["abc", "tab\there\n", "back\\slash 'q' \"dq\"", "é ü \x7f \x00", "\u20ac \U0001f600", "\\u1234"]:
    e = s.encode("unicode_escape")
    r = s.encode("raw_unicode_escape")
    print(repr(e), repr(r))
    print(e.decode("unicode_escape") == s, r.decode("raw-unicode-escape") == s)

print(str(rb"\u0663\u0661\u0664 ", "raw-unicode-escape"))
print(repr(rb"\\u0041 \\\u0041 \U0001F600".decode("raw_unicode_escape")))
print(repr(b"a\\x41\\101\\n\\t\\'\\\nz".decode("unicode_escape")))
print(codecs.unicode_escape_encode("\u1234x"), codecs.raw_unicode_escape_decode(b"\\u00e9"))
for bad in [b"\\x4", b"\\u12", b"\\U0011ffff", b"abc\\"]:
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    print(repr(bad.decode("unicode_escape", "replace")), repr(bad.decode("unicode_escape", "ignore")))
for bad in [b"\\u12", b"\\U0011ffff", b"abc\\"]:
    try:
        print(repr(bad.decode("raw_unicode_escape")))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
