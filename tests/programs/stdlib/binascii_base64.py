# binascii (hex, base64, crc32, crc_hqx) and the base64 module on top of it.
import binascii, base64
data = bytes(range(0, 256, 7)) + b"hello world"
print(binascii.hexlify(data), binascii.b2a_hex(b"\x01\xff", "-"), binascii.hexlify(b"abcdef", b":", 2))
print(binascii.unhexlify(b"0aff10"), binascii.a2b_hex("DEADbeef"))
for bad in [b"abc", b"zz", "a b "]:
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(binascii.b2a_base64(data), binascii.b2a_base64(b"ab", newline=False))
for n in range(5):
    s = bytes(range(65, 65 + n))
    e = binascii.b2a_base64(s)
    print(n, e, binascii.a2b_base64(e) == s)
print(binascii.a2b_base64(b"YW Jj\nZA=="), binascii.a2b_base64("YWJjZA==garbage"))
for bad in [b"YWJjZ", b"YQ", b"Y"]:
    try:
        binascii.a2b_base64(bad)
    except binascii.Error as e:
        print("Error:", e)
try:
    binascii.a2b_base64(b"YW!Jj", strict_mode=True)
except binascii.Error as e:
    print("strict:", e)
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc32(b""))
print(binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(data, 0xFFFF))
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data)
print(base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b32encode(b"abc"), base64.b16encode(b"\x00\xab"))
print(base64.b85encode(b"hello"), base64.a85encode(b"hello"), base64.b32decode(b"MFRGG==="))
try:
    binascii.hexlify("text")
except TypeError as e:
    print("TypeError:", e)
