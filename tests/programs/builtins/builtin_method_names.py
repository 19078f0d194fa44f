# a built-in method's __qualname__ is class.name and an unbound one has
# __objclass__; bin/oct/hex and indexing take __index__ and reject what it
# returns unless an int, as the other conversions reject bad __float__ etc.
print(list.append.__qualname__, [].append.__qualname__, len.__qualname__, int.__add__.__qualname__)
print(list.append.__objclass__, list.__add__.__objclass__, hasattr([].append, '__objclass__'), hasattr(len, '__objclass__'))
print(list.append == list.append, list.__add__ != list.__mul__)
class B:
    def __int__(self): return None
    __float__ = __complex__ = __str__ = __repr__ = __bytes__ = __bool__ = __index__ = __int__
for f in [float, complex, str, repr, bytes, bin, oct, hex, bool, lambda x: [][x]]:
    try:
        f(B())
        print('no error')
    except TypeError as e:
        print(e)
import pickle
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps([1].append))(5))
