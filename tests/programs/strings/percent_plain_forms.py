# Plain %d/%i/%u of ints and %s of strs (the interpreter's direct path) and the
# cases next to them that must still take the general one.


class Num(int):
    pass


print("%d|%i|%u" % (7, -8, 0))
print("%d %d" % (2**47 - 1, -(2**47)))
print("%d %d" % (2**47, 2**70))
print("%d %d" % (True, False))
print("%d" % Num(12))
print("%d" % 3.99, "%i" % -2.5)
print("%s|%s|%s" % ("plain", "", "ünï"))
print("%s %s %s" % (5, 2.5, None))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.3s|%5s|%-5s|" % ("abcdef", "ab", "ab"))
print("%s:%d" % ("key", 97), "%d%%" % 50)
parts = ["%d:%s" % (i % 97, str(i)) for i in range(95, 100)]
print(",".join(parts))
