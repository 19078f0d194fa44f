# 3.11's int/str digit limit: sys.get/set_int_max_str_digits, both directions
import sys

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
for f in (lambda: str(10**5000), lambda: int("1" * 5000), lambda: int("-" + "9" * 4301)):
    try:
        f()
    except ValueError as e:
        print(e)
print(len(str(10**4299)), len(str(-(10**4299))))
print(int("1_" * 2000 + "1") % 1000)
print(len(hex(10**6000)), int("1" * 6000, 16) % 7)
sys.set_int_max_str_digits(640)
for f in (lambda: f"{10**700}", lambda: "%d" % 10**700, lambda: repr(10**700), lambda: format(-(10**700), ",")):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(len(str(10**639)))
for bad in (5, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, e)
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits(), len(str(10**20000)), int("7" * 20000) % 10)
