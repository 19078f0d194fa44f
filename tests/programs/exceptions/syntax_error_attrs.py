# SyntaxError's attributes, from the constructor's details tuple and from compile().
e = SyntaxError("bad thing", ("f.py", 3, 5, "x = = 1\n", 3, 6))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(e.args[0], len(e.args), e.print_file_and_line)
e = SyntaxError("only a message")
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
print(SyntaxError().msg, SyntaxError().args)
for details in [("f", 1, 2), ("f", 1, 2, "t", 1, 2, 3)]:
    try:
        SyntaxError("m", details)
    except TypeError as x:
        print("TypeError", x)
try:
    compile("a b", "<src>", "exec")
except SyntaxError as x:
    print(x.msg, x.filename, x.lineno, type(x.end_lineno).__name__, type(x.end_offset).__name__)
print(IndentationError("i", ("g", 1, 1, "t", 1, 2)).lineno)
