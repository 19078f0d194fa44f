# f-strings in hot loops: str, int and float pieces with and without format
# specs, several pieces and one, objects with their own __format__ and
# __str__ (left to the interpreter), conversions, a bad spec raising inside the
# loop, and tuple displays cut short by exits.


class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        return f"{self.c}C" if spec == "" else f"{self.c:{spec}}deg"

    def __str__(self):
        return "T"

    def __repr__(self):
        return "Temp()"


class Name(str):
    def __format__(self, spec):
        return "name:" + str.__format__(self, spec)


def lines(n):
    out = []
    for i in range(n):
        minute, second = (i // 60) % 60, i % 60
        level = "WARN" if i % 7 == 0 else "INFO"
        out.append(f"T{10 + i // 3600:02d}:{minute:02d}:{second:02d} {level} "
                   f"[{'ab'[i % 2]}] {i * 0.25:.2f} {i:>5} {i:x}")
        out.append(f"{level}")
    return out[-4:], len("".join(out))


def others(items):
    out = []
    for x in items:
        out.append(f"<{x}>|{x!r}|{x!s}")
        out.append(f"{x:>6}" if not isinstance(x, Temp) else f"{x:.1f}")
    return out[-6:]


def bad_spec(n):
    out = []
    for i in range(n):
        spec = "q" if i == n - 1 else ">3"
        try:
            out.append(f"{i:{spec}}")
        except ValueError as e:
            out.append(str(e))
    return out[-3:]


def tuples(n):
    acc = []
    for i in range(n):
        t = (i, i + 1, f"{i}", i * 2)
        acc.append(t[2] + str(t[3]))
    return acc[-3:]


print(lines(4000))
print(others(["ab", 3, 2.5, Temp(21.5), Name("zed"), True] * 20))
print(bad_spec(200))
print(tuples(300))
