# re over a str subclass, a bytes subclass, a bytearray and a memoryview: the
# subject is matched as its str/bytes, groups come back as exact str/bytes, and
# m.string stays the object given; a bytearray's groups read its current bytes.
import re


class S(str):
    def __getitem__(self, index):
        return S(super().__getitem__(index))


class B(bytes):
    def __getitem__(self, index):
        return B(super().__getitem__(index))


s = S("a1b22c")
m = re.search(r"\d+", s)
print(m.group(), type(m.group()).__name__, type(m.string).__name__, m)
print([type(x).__name__ for x in re.findall(r"\d+", s)], re.findall(r"(\d)", s))
print(re.split(r"\d+", s), [type(x).__name__ for x in re.split(r"\d+", s)])
r = re.sub(r"\d", "-", s)
print(r, type(r).__name__, re.subn(r"\d", "", s))
print(re.fullmatch(r"a\w+", s) is not None, re.match("x", s))
b = B(b"xy12")
m = re.search(rb"\d+", b)
print(m.group(), type(m.group()).__name__, re.findall(rb".", b)[:2])
ba = bytearray(b"abcdefgh")
m = re.search(b"[a-h]+", ba)
m2 = re.search(b"[e-h]+", ba)
print(m, m.group(), m2.group())
ba[:] = b"xyz"
print(m.group(), m2.group())
mv = memoryview(b"hello world")
m = re.match(rb"(\w+) (\w+)", mv)
print(m.groups(), type(m.string).__name__, re.sub(rb"o", b"0", mv))
it = re.compile(r"\d").scanner(S("1a2"))
print(it.search().group(), it.search().group(), it.search())
for bad in [5, None]:
    try:
        re.search("x*", bad)
    except TypeError as e:
        print("TypeError", e)
try:
    re.search("x", b"x")
except TypeError as e:
    print("TypeError", e)
