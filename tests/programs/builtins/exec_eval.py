print(eval('1 + 2 * 3'), eval('[x * 2 for x in range(3)]'), eval('"abc".upper()'))
x = 10
print(eval('x + 5'), eval('x * y', {'x': 2, 'y': 3}), eval('x', {}, {'x': 'local'}))
ns = {}
exec('a = 1\nb = a + 1\ndef f(n):\n    return n * b\n', ns)
print(ns['a'], ns['b'], ns['f'](5), sorted(k for k in ns if k != '__builtins__'))
exec('print("printed from exec")')
exec('z = 99')
print(z)
code = compile('3 ** 2', '<expr>', 'eval')
print(eval(code), type(code).__name__)
src = '''
total = 0
for i in range(5):
    total += i
'''
scope = {}
exec(src, scope)
print(scope['total'])
print(exec('1 + 1'), eval('None'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', type(e).__name__)
try:
    eval('undefined_thing')
except NameError as e:
    print('NameError:', e)
try:
    exec('raise ValueError("from exec")')
except ValueError as e:
    print('ValueError:', e)
print(eval('(lambda q: q + 1)(1)'), eval(' 42 '), eval('[1,\n2]'))
