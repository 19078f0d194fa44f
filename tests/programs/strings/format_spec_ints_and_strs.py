# format() and f-string specs of ints that fit a word, big ints and bools (every
# presentation type, grouping, '=' padding, errors) and of strs (the order in
# which CPython reports a bad spec: grouping, type, space, sign, z, #, =).
vals = [0, 7, -7, 255, -255, 2**40, -2**40, 2**63 - 1, -2**63, 2**70, -2**70, True, False]
specs = ["", "d", "02d", "5d", "<5d", "^7d", "=+8d", "+d", " d", "x", "#x", "#X", "o", "#o", "b", "#010b", ",d", "_d", "_x",
         "012,d", "n", "c", "e", ".2f", "%", "g", "08.3e", "*^12,", "-^9x", "z"]
for v in vals:
    row = []
    for sp in specs:
        try:
            row.append(format(v, sp))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(v, row)
    print(f"{v:>6}|{v:<6}|{v:06}|{v!r:>8}", "%5d|%-5x|%o" % (v, v, v) if not isinstance(v, bool) else "")
class I(int):
    def __format__(self, spec):
        return "I" + int.__format__(self, spec)
print(format(I(5), "03d"), f"{I(-3):x}", format(I(2**70), ","))
for v,sp in [(1,'z.1d'),(1,'z#d'),('a','z#'),('a','z'),('a','zs'),('a','+z'),('a','z,'),(-0.0,'z.1f'),(True,'z')]:
  try: print(repr(format(v, sp)))
  except Exception as e: print(sp, type(e).__name__, e)
for v in ['ab', 'héllo']:
    for sp in ['#,', ',', '_', '+,', 'x,', 'z#', '#=', '=', '+#', ' ', '5,s', 'q', '>+', 'z=5', '10.1', '^9.3s', '*<6']:
        try: print(sp, repr(format(v, sp)))
        except Exception as e: print(sp, type(e).__name__, e)
for v, sp in [('a', '-'), ('a', '<-5'), (5, '-d'), (-5, '-5')]:
    try: print(sp, repr(format(v, sp)))
    except Exception as e: print(sp, type(e).__name__, e)
