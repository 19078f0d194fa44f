def is_palindrome(s):
    cleaned = ''.join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]
for s in ['A man, a plan, a canal: Panama', 'hello', '', 'No lemon, no melon']:
    print(repr(s), is_palindrome(s))
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isupper():
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        elif ch.islower():
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return ''.join(out)
enc = caesar('Hello, World! xyz', 3)
print(enc, caesar(enc, -3))
def rle(s):
    out = ''
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out += f'{j - i}{s[i]}'
        i = j
    return out
print(rle('aaabccddddde'), rle(''), rle('x'))
words = 'It was the best of times it was the worst of times'.lower().split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
print(' '.join(w[::-1] for w in 'reverse each word'.split()))
print('_'.join('CamelCaseString'[i].lower() if 'CamelCaseString'[i].isupper() else 'CamelCaseString'[i] for i in range(15)))
s = 'abcabcbb'
best = 0
start = 0
seen = {}
for i, ch in enumerate(s):
    if ch in seen and seen[ch] >= start:
        start = seen[ch] + 1
    seen[ch] = i
    best = max(best, i - start + 1)
print('longest unique run', best)
