# BaseException.add_note and __notes__, copied by split
e = ValueError('x')
e.add_note('first note')
e.add_note('multi\nline')
print(e.__notes__)
try: e.add_note(1)
except TypeError as x: print(x)
e2 = ValueError(); e2.__notes__ = 5
try: e2.add_note('a')
except TypeError as x: print(x)
eg = ExceptionGroup('g', [ValueError(1), TypeError(2)])
eg.add_note('group note')
m, r = eg.split(ValueError)
print(m.__notes__, m.__notes__ is eg.__notes__)
try:
    raise eg
except* ValueError:
    pass
