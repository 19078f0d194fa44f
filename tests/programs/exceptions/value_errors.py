inputs = ["42", " 7 ", "-3", "0x1A", "3.14", "", "1e3", "12abc", "+5", "1_000"]
for s in inputs:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
for s in ["3.14", "nan", "-inf", "1e3", "abc", " 2.5 ", "1,5"]:
    try:
        print(repr(s), "->", float(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
print(int("0x1A", 16), int("1A", 16), int("777", 8), int("101", 2), int("z", 36))
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
for args in [("a,b,c", ","), ("abc", "")]:
    try:
        print(args[0].split(args[1]))
    except ValueError as e:
        print("ValueError:", e)
try:
    x, y = "abc".split("b", 5)[0], None
    a, b = "a-b-c".split("-")
except ValueError as e:
    print("ValueError:", e)
try:
    [].index(0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
