# str(), repr(), %-formatting and f-strings of ints at the edges of the machine
# word and of the JIT's inline ints, written without the formatter.
vals = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -12345, 2**31, -2**31, 2**47 - 1, -2**47, 2**47, -2**47 - 1, 2**63 - 1, -2**63, 2**64, True, False]
for v in vals:
    print(str(v), repr(v), "%d|%i|%u|%5d|%-5d|%05d" % (v, v, v, v, v, v), f"{v}", [v], (v,), {v: v})
s = 0
for i in range(-3000, 3000, 7):
    t = str(i)
    s += len(t) + len("%d:%s" % (i % 97, t)) + len(repr(i))
print(s)
