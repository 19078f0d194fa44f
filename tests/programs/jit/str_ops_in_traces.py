# str operations in hot loops: comparisons, `in`, indexing, concatenation,
# ord/chr and str(int), with the cases the helpers leave to the interpreter
# (str subclasses, out-of-range indexes, bad ord/chr arguments, big ints).


class Tag(str):
    def __add__(self, other):
        return Tag("<" + str.__add__(self, other) + ">")

    def __lt__(self, other):
        return True


def compare(words):
    out = []
    for a in words:
        for b in words:
            out.append((a < b, a <= b, a > b, a >= b, a == b, a != b))
    return out


def contains(words, text):
    hits = 0
    for w in words:
        if w in text:
            hits += 1
        if w not in "abc":
            hits += 10
    return hits


def index(s, n):
    out = []
    for i in range(n):
        k = i % (len(s) + 3) - 2
        try:
            out.append(s[k])
        except IndexError as e:
            out.append(str(e))
    return "".join(out[-12:]), len(out)


def concat(n):
    s = ""
    t = Tag("x")
    parts = []
    for i in range(n):
        s += "ab"[i % 2]
        s = s + ""
        if i % 100 == 99:
            parts.append(t + "y")
            parts.append(s[-3:] + "é")
    return len(s), s[:9], parts[-2:]


def codes(text, n):
    total = 0
    out = []
    for i in range(n):
        c = text[i % len(text)]
        total += ord(c)
        out.append(chr(ord(c) + 1))
        out.append(str(i - 50))
    for bad in ("ab", "", 5):
        try:
            ord(bad)
        except TypeError as e:
            out.append(str(e))
    for bad in (-1, 0x110000, 2.5):
        try:
            chr(bad)
        except (ValueError, TypeError) as e:
            out.append(str(e))
    out.append(str(2 ** 70))
    return total, out[-10:]


def lexmax(words):
    best = words[0]
    for w in words:
        if w > best:
            best = w
    return best


words = ["", "a", "ab", "b", "ä", "Zeta", "zeta", "ab"]
print(compare(words)[-9:])
print(sum(sum(t) for t in compare(words * 3)))
print(contains(["a", "bc", "x", "", "é"] * 40, "abcé"))
print(index("héllo", 200))
print(index("hello", 200))
print(concat(500))
print(codes("Straße 10€", 300))
print(lexmax(["pear", "apple", "zoo", "zoö", "Zoo"] * 30))
print(lexmax([Tag("b"), "a", "c"] * 30))
