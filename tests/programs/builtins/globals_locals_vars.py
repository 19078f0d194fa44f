top_level = 'module value'
g = globals()
print('top_level' in g, g['top_level'], g['__name__'], type(g).__name__)
g['injected'] = 42
print(injected)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
def g2():
    x = 1
    loc = locals()
    return sorted(loc)
print(g2())
print('__builtins__' in globals(), 'f' in globals(), 'print' in globals())
class C:
    a = 1
    b = 2
    names = sorted(k for k in locals() if not k.startswith('__'))
print(C.names)
print(sorted(k for k in vars(C) if not k.startswith('__')))
obj = C()
obj.q = 'q'
print(vars(obj))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
print(__name__)
