# notes print after their exception's line, inside group boxes too
e = ValueError('x'); e.add_note('note one'); e.add_note('two\nlines')
def f():
    try:
        raise e
    except ValueError as err:
        err.add_note("added while handling")
        raise
eg = ExceptionGroup('g', [e]); eg.add_note('on group')
try:
    f()
except ValueError:
    pass
raise eg
