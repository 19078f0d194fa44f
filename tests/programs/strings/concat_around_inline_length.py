# str + str around the length kept inside the object (22 bytes), ASCII and
# not: the result's length, last character, equality and hash.
parts = ["", "a", "é", "abcdefghij", "abcdefghijk", "ü" * 11, "x" * 21, "y" * 22, "z" * 23, "中文", "\U0001F600"]
out = []
for a in parts:
    for b in parts:
        c = a + b
        out.append((len(c), c[-1:] if c else "", c == a + b, c.isascii(), hash(c) == hash(a + b)))
print(len(out), out[::7])
s = ""
for i in range(3000):
    s += "é" if i % 3 == 0 else str(i % 10)
    if len(s) > 30:
        s = s[15:]
print(s, len(s))
