# Indexing a long non-ASCII str: forward and backward scans, jumps, slices
# and searches around multi-byte characters (the char index steps on from the
# last character looked up when it is near).
text = "".join(("\u00e9t\u00e9 " if i % 3 else "\u4e16\u754c\U0001F600 ") + str(i) for i in range(400))
n = len(text)
fwd = "".join(text[i] for i in range(0, n, 7))
back = "".join(text[i] for i in range(n - 1, -1, -11))
jumps = [text[(i * 7919) % n] for i in range(300)]
print(n, len(fwd), len(back), fwd[:40], back[:40])
print("".join(jumps)[:60])
print(text[100:160], text[-50:-3], text[n // 2:n // 2 + 17])
total = 0
i = 0
while i < n:
    c = text[i]
    if c == "\U0001F600":
        total += i
    i += 1
print(total, text.find("\U0001F600 399"), text.rfind("t\u00e9 1"), text.index("\u754c", 2000))
for k in (0, 1, 31, 32, 33, 63, 64, 65, n - 1, -1, -n):
    print(k, repr(text[k]), end=" ")
print()
