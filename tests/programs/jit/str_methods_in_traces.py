# Methods of exact strs called directly from traces (PURE_METHOD): no, one and
# two arguments, tuples for startswith, join of lists, arguments that are not
# plain (left to the interpreter), methods that raise, and str subclasses.
class Tag(str):
    def lower(self):
        return "tag:" + str.lower(self)

def clean(lines):
    out = []
    for line in lines:
        s = line.strip()
        if not s or s.startswith(("#", ";")):
            continue
        key, _, val = s.partition("=")
        words = val.split(",", 2)
        out.append(key.lower().replace("_", "-", 1) + ":" + "|".join(words).upper().center(12, "."))
    return out

lines = ["  a_b_c = x,y,z,w ", "# note", "", "Key=1,2", "; semi", "MIXED_Case=Hello"] * 50
r = clean(lines)
print(len(r), r[:4])

def odd_calls(n):
    res = []
    for i in range(n):
        s = "abc" * (i % 3)
        try:
            res.append(s.index("c"))
        except ValueError as e:
            res.append(str(e))
        try:
            res.append("-".join(["x", i]))
        except TypeError as e:
            res.append(type(e).__name__)
        res.append(s.find("b", i % 4, None))
        res.append(s.count("a", -2))
        res.append(s.zfill(i % 6) + s.rjust(4, "*") + s.ljust(True and 5, "_"))
        res.append(Tag("ABC").lower() if i % 10 == 0 else s.title())
        try:
            res.append(s.split(None, "2"))
        except TypeError as e:
            res.append("TE")
    return res[:40], len(res)

print(odd_calls(300))
P = ".,;:!?'\"()-"
ws = ["(hello)", "...", "", "a-b", "x!", "\u00e9t\u00e9!", "'quote'", "--==--", "plain"]
print([w.strip(P) for w in ws], [w.lstrip(P) for w in ws], [w.rstrip(P) for w in ws])
print([w.strip("\u00e9!") for w in ws], "  x ".strip(" "), "xyx".strip("y"), "\x7f a\x7f".strip("\x7f"))

import random
def draws(n):
    random.seed(12345)
    out = []
    for i in range(n):
        out.append(random.randrange(1 + i % 50) + random.random() + random.getrandbits(i % 70))
        try:
            random.randrange(0)
        except ValueError as e:
            msg = str(e)
    return sum(out), out[-3:], msg

print(draws(2000))
