# unicodedata over the ASCII range (Coil's database covers ASCII only so far).
import unicodedata as u

print(u.unidata_version)
for c in "\x00\t\n A~z0(]+$_^":
    print(repr(c), u.category(c), u.bidirectional(c), u.east_asian_width(c), u.mirrored(c),
          u.combining(c), repr(u.decomposition(c)), u.name(c, None), u.decimal(c, None),
          u.digit(c, -1), u.numeric(c, "n"))
print(u.lookup("latin small letter a"), u.lookup("DIGIT SEVEN"), u.normalize("NFKD", "abc"),
      u.is_normalized("NFC", "x"))
for f, a in [(u.name, "\x00"), (u.decimal, "a"), (u.digit, "x"), (u.numeric, "-")]:
    try:
        f(a)
    except ValueError as e:
        print(f.__name__, e)
for f, a in [(u.category, "ab"), (u.category, 1), (u.normalize, ("X", "a"))]:
    try:
        f(*a) if isinstance(a, tuple) else f(a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted(c for c in map(chr, range(128)) if u.category(c) == "Sm"))
