# `"..." % x` of an exact str and plain values in traces (a helper calling the
# interpreter's own formatting): ints, floats, strs, None, bools, tuples of
# them; then a dict argument and an object (the helper leaves), too few
# arguments and a bad format character (TypeError/ValueError raised by the
# interpreter).
class P:
    def __repr__(self):
        return "P()"


def run(n):
    out = []
    errors = 0
    for i in range(n):
        out.append("v%d" % i)
        out.append("%s|%r|%5.2f|%x" % ("a" * (i % 3), None if i % 2 else True, i / 7, i))
        if i % 37 == 36:
            out.append("%(k)s" % {"k": i})
            out.append("%s" % P())
        try:
            out.append(("%d %d" if i % 41 != 40 else "%d") % (i, i) if i % 43 != 42 else "%y" % i)
        except (TypeError, ValueError) as e:
            errors += 1
            out.append(str(e))
    return len(out), out[-6:], errors, sum(map(len, out))


print(run(400))
