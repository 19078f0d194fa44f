print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'), '{1}{0}'.format('x', 'y'))
print('{name} is {age}'.format(name='Bob', age=42), '{0} {x}'.format(1, x=2))
print('{0[0]} {0[1]} {1[key]}'.format(['first', 'second'], {'key': 'val'}))
class P:
    def __init__(self): self.x, self.y = 3, 4
    def __repr__(self): return 'P(3, 4)'
    def __str__(self): return 'point'
p = P()
print('{0.x} {0.y} {p.x}'.format(p, p=p))
print('{!r} {!s} {}'.format(p, p, p), '{0!r:>12}|'.format('hi'), '{!a}'.format('é'))
print('{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}'.format('r', 'l', 'c', 'x', 3.14159))
print('{:d} {:5d} {:<5d}| {:+d} {:x} {:#o} {:b} {:,} {:_}'.format(1, 2, 3, 4, 255, 8, 5, 1234567, 1234567))
print('{:.3} {:.5} {:10.3}|'.format('abcdef', 'ab', 'abcdef'))
print('{:{}}|{:{}.{}f}|{:>{w}}'.format('x', 5, 3.14159, 8, 2, 'y', w=4))
print('{{literal}} {{{}}}'.format('inside'))
print('{0:=^20}'.format(' title '), '{:%}'.format(0.25), '{:.1%}'.format(1/3))
print('{:=+8d}|{:=8d}|{: d}|'.format(42, -42, 42))
print('{:c}'.format(9731), '{:e}'.format(1234.5), '{:g}'.format(0.00001234))
print(format('abc', '>5'), format(42), format(3.5, '06.2f'), format([1, 2]), format(None))
for bad in ['{', '}', '{0} {}', '{5}', '{x}', '{:d}']:
    try:
        print(bad.format('a') if bad != '{:d}' else bad.format('str'))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ':', e)
print('{0}{1}{0}'.format(*'ab'), '{a}-{b}'.format(**{'a': 1, 'b': 2}))
print('{}'.format(True), '{:d}'.format(True), '{:>5}'.format(True), '{:5}|'.format(None if False else 'n'))
print('{:5}|{:<5}|{:5}|'.format(12, 12, 'ab'))
