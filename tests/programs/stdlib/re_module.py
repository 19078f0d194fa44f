# The stdlib re module over the native _sre (CPython 3.11 SRE engine semantics).
import re
p = re.compile(r"(\w+)@(\w+)\.com", re.I)
print(p, p.groups, p.groupindex, p.flags & re.I)
m = p.search("mail: Bob@Example.com, x@y.com")
print(m, m.group(0), m.group(1, 2), m.groups(), m.span(2), m.start(), m.end(1), m.lastindex)
print(p.findall("a@b.com c@d.com"), [m.span() for m in p.finditer("a@b.com c@d.com")])
print(re.sub(r"(\d+)", r"<\1>", "a1b22c333"), re.subn("x*", "-", "abc"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c", maxsplit=1))
print(re.match(r"(?P<year>\d{4})-(?P<mon>\d\d)", "2024-05-01").groupdict())
print(re.fullmatch(r"a+", "aaa"), re.fullmatch(r"a+", "aab"))
print(re.findall(r"\bfoo\b", "foo foobar foo"), re.escape("a.b*c"))
print(re.sub(r"\s+", " ", "  lots   of\n space "), re.sub("a", lambda m: m.group().upper(), "banana"))
print(re.compile(b"[a-c]+").findall(b"abcxba"), re.search("é+", "caféé").span())
print(re.compile("a", re.M | re.S), re.compile(r"(a)|(b)").match("b").groups())
print(re.sub(r"(?m)^", "> ", "l1\nl2"), re.findall(r"(a)(b)?", "ab a"))
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m["first"], m.expand(r"\g<last>, \1"), m.lastgroup)
try:
    re.compile("(")
except re.error as e:
    print("error:", e)
print(re.search(r"(?<=-)\w+", "spam-egg").group(), re.findall(r"\d+(?=px)", "10px 20em 30px"))
