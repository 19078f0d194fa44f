# A tiny regex matcher supporting: literal chars, '.', '*', '+', '?', '^', '$'
def match(pattern, text):
    if pattern.startswith("^"):
        return match_here(pattern[1:], text)
    i = 0
    while True:
        if match_here(pattern, text[i:]):
            return True
        if i >= len(text):
            return False
        i += 1

def match_here(p, t):
    if not p:
        return True
    if len(p) >= 2 and p[1] == "*":
        return match_star(p[0], p[2:], t)
    if len(p) >= 2 and p[1] == "+":
        return bool(t) and char_eq(p[0], t[0]) and match_star(p[0], p[2:], t[1:])
    if len(p) >= 2 and p[1] == "?":
        if t and char_eq(p[0], t[0]) and match_here(p[2:], t[1:]):
            return True
        return match_here(p[2:], t)
    if p == "$":
        return not t
    if t and char_eq(p[0], t[0]):
        return match_here(p[1:], t[1:])
    return False

def char_eq(pc, tc):
    return pc == "." or pc == tc

def match_star(c, p, t):
    # leftmost-longest: greedy
    i = 0
    while i < len(t) and char_eq(c, t[i]):
        i += 1
    while i >= 0:
        if match_here(p, t[i:]):
            return True
        i -= 1
    return False

tests = [
    ("abc", "xxabcxx"), ("^abc", "xxabc"), ("^abc", "abcdef"), ("abc$", "xxabc"),
    ("a.c", "abc"), ("a.c", "ac"), ("ab*c", "ac"), ("ab*c", "abbbbc"), ("ab+c", "ac"),
    ("ab+c", "abbc"), ("colou?r", "color"), ("colou?r", "colour"), ("colou?r", "colouur"),
    ("^.*$", ""), ("^a*$", "aaaa"), ("^a*$", "aaba"), (".*x.*y", "axbyc"), ("^$", ""),
    ("^x+y?z*$", "xxxzz"), ("^x+y?z*$", "yzz"), ("a.*b.*c", "a---b---c"), ("", "anything"),
]
for p, t in tests:
    print(f"{p!r:14} {t!r:12} {match(p, t)}")
print(sum(match(p, t) for p, t in tests), "of", len(tests), "matched")
