s = '  a  b c   d  '
print(s.split(), s.split(' '), s.split(None, 2), s.rsplit(None, 2))
print('a,b,,c,'.split(','), 'a,b,,c,'.split(',', 2), 'a,b,,c,'.rsplit(',', 2))
print('one::two::three'.split('::'), 'abc'.split('abc'), ''.split(), ''.split(','))
print('a b c'.split(maxsplit=1), 'a b c'.rsplit(maxsplit=1), 'a\tb\nc\x0bd'.split())
print('x'.split('x'), 'xx'.split('x'), '1-2-3'.split('-', 0), '1-2-3'.rsplit('-', -1))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
print('-'.join(['a', 'b', 'c']), ''.join('xyz'), ', '.join(str(i) for i in range(5)), '|'.join([]))
print(' '.join(['solo']), '\n'.join(['l1', 'l2']).split('\n'))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError:', e)
print('k1=v1;k2=v2'.split(';'), dict(p.split('=') for p in 'k1=v1;k2=v2'.split(';')))
print('  x  '.split(' '), 'a  b'.split(' '))
