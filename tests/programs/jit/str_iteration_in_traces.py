# `for c in s` over a str in traces: the STR_NEXT helper gives each char (ASCII
# chars shared), non-ASCII text, an empty str, a str changing between loops,
# a genexpr over a str drained by join, and exits inside the loop.
def count_classes(text):
    digits = letters = other = 0
    for c in text:
        if c.isdigit():
            digits += 1
        elif c.isalpha():
            letters += 1
        else:
            other += 1
    return digits, letters, other

def escape(s):
    return "".join("\\" + c if c in '"\\' else c for c in s)

texts = ["abc123, def456!", "", "h\u00e9llo w\u00f6rld \u4e16\u754c 42", 'say "hi" \\ bye', "x" * 37]
totals = [0, 0, 0]
for k in range(400):
    t = texts[k % len(texts)]
    d, l, o = count_classes(t)
    totals[0] += d
    totals[1] += l
    totals[2] += o
print(totals)
print([escape(t) for t in texts])
seen = []
for c in "a\u00e9b":
    seen.append((c, ord(c)))
print(seen)
# identity of ASCII chars matches CPython (cached one-char strs)
s = "hello"
print(all(a is b for a, b in zip(list(s), [c for c in s])))
def first_upper(words):
    out = []
    for w in words:
        for c in w:
            if c.isupper():
                out.append(c)
                break
        else:
            out.append("-")
    return "".join(out)
print(first_upper(["abcDef", "xyz", "Q", "", "mnoP"] * 200)[:40])
