# _string's parser (under string.Formatter) and str.format's field syntax errors.
import _string
import string

for s in ['', 'abc', 'a{{b', 'a}}b', '{}', '{0}', 'x{a.b[c]!r:>{w}}y', '{!x}', '{:}',
          '{a[}]}', '{{}}', '{0:{1}}z', 'x{0}y{{z}}w', '{a]}', '{a:b{c}d}']:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ['{a!}', '{a!rx}', '{', '}', 'a}', '{a', '{ab:x', '{a{b}', '{a!r:{x}', '{a[b',
          '{a:{}', '{a!r', '{a!', '{[}', '{:', '{a}}', 'ok{0}{']:
    it = _string.formatter_parser(s)
    got = []
    try:
        for x in it:
            got.append(x)
    except ValueError as e:
        print(repr(s), got, e)
    try:
        s.format(1, a=1)
    except ValueError as e:
        print('  format:', e)
for s in ['', 'a', '0', '12.x[3][k].y', '0x', '-1', 'a.b[c.d]']:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), list(rest))
for s in ['a.', 'a[', 'a[]', 'a[0]x', 'a..b', 'a[1']:
    try:
        print(list(_string.formatter_field_name_split(s)[1]))
    except ValueError as e:
        print(repr(s), e)
f = string.Formatter()
print(f.format("{0}-{x!r:>6}-{y[1]}", 7, x="hi", y=[1, 2]))
