# `~x` and `+x` of ints in traces (x ^ -1, the int itself), `+f` of floats,
# `[...] * n` by a helper (at the ends of the inline ints, with a count that
# is negative, a bool, or large enough to leave the helper), and `sum` of
# lists and tuples of numbers (past the inline ints, and with a str in them:
# TypeError from the interpreter), and `str * n` (negative, empty, non-ASCII,
# and past the helper's size).
def run(n):
    total = 0
    lens = 0
    for i in range(n):
        x = i * 7 - 300
        total += ~x + (+x) + ~(x & 0xFF)
        if i % 50 == 49:
            big = 2**47 - 1 if i % 100 == 99 else -(2**47)
            total += ~big + (+big)
        f = +(i * 0.5)
        total += int(f)
        k = i % 5 - 1
        row = [0, i] * k
        lens += len(row) + len([None] * (i % 3))
        if i % 97 == 96:
            lens += len([1] * True) + len([2] * 2000000)
        fsum = sum(row) + sum((1.5, i, True)) + sum([2**46, 2**46, i])
        try:
            fsum += sum([1, "x"] if i % 61 == 60 else [1, 2])
        except TypeError:
            fsum -= 1
        total += int(fsum) % 1000
        line = "-=" * (i % 4 - 1) + "é" * (i % 3) + "" * i
        lens += len(line)
        if i % 89 == 88:
            lens += len("ab" * 700000)
    return total, lens, line


print(run(500))
