class Thing:
    cls_attr = 'shared'
    def __init__(self):
        self.x = 1
    def method(self):
        return 'called'
t = Thing()
print(getattr(t, 'x'), getattr(t, 'missing', 'fallback'), getattr(t, 'cls_attr'), getattr(t, 'method')())
setattr(t, 'y', 2)
print(t.y, hasattr(t, 'y'), hasattr(t, 'z'), hasattr(Thing, 'method'), hasattr(t, '__init__'))
delattr(t, 'y')
print(hasattr(t, 'y'))
try:
    getattr(t, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
try:
    delattr(t, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
print(vars(t), sorted(k for k in vars(Thing) if not k.startswith('__')))
t.z = [1]
print(vars(t), t.__dict__ is vars(t))
print(callable(len), callable(t.method), callable(Thing), callable(t), callable(1), callable(lambda: 0), callable('s'))
class CallMe:
    def __call__(self, a): return a * 2
print(callable(CallMe()), CallMe()(21))
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(True, int), isinstance('s', (int, str)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(Thing, object), issubclass(CallMe, Thing))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError:', e)
print(getattr(5, 'real'), getattr('abc', 'upper')(), getattr([], '__len__')())
print(type(t).__name__, type(Thing).__name__, type(len).__name__, Thing.__name__)
