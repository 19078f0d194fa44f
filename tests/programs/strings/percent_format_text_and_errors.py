# printf-style formatting: text around specs copied as is (non-ASCII too), specs
# with keys, flags, widths, precisions and length modifiers, and the errors
# with their indexes (counted in characters; non-printable characters shown as ?).
for f, a in [("%d:%s", (5, "x")), ("héllo %s wörld %d", ("ä", 3)), ("%(a)s-%(b)05d", {"a": "é", "b": 42}),
             ("%-6s|%6.2f|%x|%o|%e|%c|%c|%r|%a", ("ab", 3.14159, 255, 8, 12345.678, 65, "é", "q", "é")),
             ("100%%", ()), ("%*d|%-*d|%.*f", (5, 1, 5, 2, 3, 2.5)), ("%s", [1, 2]), ("%s", (1,)), ("%ld %hd %Li", (1, 2, 3)),
             ("ü%ü", (1,)), ("ab%", (1,)), ("%d %d", (1,)), ("%d", (1, 2)), ("%(x", {"x": 1}), ("%(x)s", (1,)),
             ("é%yé", (1,)), ("%s %s", "ab"), ("%c", (0x1F600,)), ("%s\u00e9%s", ("\u4e2d", "\U0001F600"))]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
for f, a in [(b"%s-%d", (b"x", 3)), (b"\xe9%y", (1,)), (b"%c%c", (65, b"z")), (b"\xff%s\xfe", (b"\x80",))]:
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
