# bytearray.__init__ (what a subclass's __init__ reaches through super()), an
# in-place *=, fromhex's whitespace (\v too) and subclasses, hex()'s ASCII
# separator, ord() of a bytearray, and a too-big int as a byte value.
class Y(bytearray):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1


y = Y(b"abcd")
print(bytes(y), y.extra, bytes(Y(3)), bytes(Y("hi", "ascii")), bytes(Y(iter([1, 2]))))
z = Y()
bytearray.__init__(z, b"xy")
print(bytes(z))
b = bytearray(b"abc")
b2 = b
b *= 3
print(b, b2 is b)
b *= 0
print(b, b2 is b)
y *= 2
print(bytes(y), type(y).__name__)
print(bytes.fromhex(" 1A\n2B\t30\v"), bytearray.fromhex("1a 2b"))
print(bytes(Y.fromhex("0001")), type(Y.fromhex("0001")).__name__)
for sep in ["\xff", "é"]:
    try:
        b"abc".hex(sep, 1)
    except ValueError as e:
        print("ValueError", e)
print(b"abc".hex(":", 2), ord(bytearray(b"a")))
for make in [lambda: bytearray([10**100]), lambda: bytes([2**70]), lambda: bytearray(b"x").append(10**30)]:
    try:
        make()
    except ValueError as e:
        print("ValueError", e)
try:
    ord(bytearray(b"ab"))
except TypeError as e:
    print("TypeError", e)
