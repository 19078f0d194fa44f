# The stdlib struct module over the native _struct: formats, byte orders, alignment, errors.
import struct
print(struct.pack("<hHiQ", -2, 65535, -7, 2**64 - 1), struct.calcsize("@bhiq"), struct.calcsize("=bhiq"))
print(struct.unpack(">IhB?", b"\x00\x00\x01\x00\xff\xfe\x07\x01"), struct.pack("!d", 1.5), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("3s2x5p", b"abcdef", b"xy"), struct.unpack("3s2x5p", struct.pack("3s2x5p", b"abcdef", b"xy")))
s = struct.Struct("<2h")
print(s.size, s.pack(1, 2), list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")), s.format)
buf = bytearray(8); struct.pack_into(">I", buf, 2, 0xdeadbeef); print(buf, struct.unpack_from(">H", buf, 3))
print(struct.pack("<e", 1.5), struct.unpack("<e", b"\x00\x3c"), struct.pack("@c?", b"z", 3))
try:
    struct.pack("<b", 200)
except struct.error as e:
    print("error:", e)
try:
    struct.unpack("<i", b"abc")
except struct.error as e:
    print("error:", e)
