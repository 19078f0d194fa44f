# Python 3.11's f-string rules and messages: no backslash inside the expression
# part, no reuse of the outer quote (PEP 701 came in 3.12), and the
# f-string errors worded as 3.11 words them.
cases = [
    "f'{\"\\\\n\"}'",
    "f'{'a'}'",
    "f'}'",
    "f'{{}}}'",
    "f'{x!z}'",
    "f'{x!}'",
    "f'{3!s:'",
    "type X = int",
]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "->", e.msg)
print(f"{'ok'!r:>6}", f'{"a" + "b"}', f"{3:{'>'}{4}}")
