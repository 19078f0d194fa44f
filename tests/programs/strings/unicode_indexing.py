# Indexing and slicing a long non-ASCII str (character offsets every 32
# characters, made on first use) agrees with CPython at every boundary.
s = "héllo wörld " * 40 + "ünïcode✓" + "x" * 100
t = ""
for i in range(len(s)):
    t += s[i]
print(t == s, s[3], s[-1], s[475:490], s[480:], s[::-7][:10], s[5:5], s[100:50], len(s))
for a in (0, 31, 32, 33, 63, 64, 479, 480, 481, 487, 488, 587):
    print(a, repr(s[a]), repr(s[a:a + 3]), repr(s[-a - 1]))
