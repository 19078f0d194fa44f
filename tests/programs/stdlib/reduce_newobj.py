# object.__reduce_ex__(2+) passes __getnewargs__/__getnewargs_ex__ to
# copyreg.__newobj__/__newobj_ex__, and object.__getstate__ (new in 3.11) gives
# the instance dict and the set __slots__
import collections
import copy
import pickle

P = collections.namedtuple('P', 'x y z')
p = P(1, 2, 3)
print(p.__reduce_ex__(2)[1], pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p))


class S:
    __slots__ = ('a', 'b')


s = S()
s.a = 1
print(s.__getstate__(), object.__getstate__(s))
s2 = pickle.loads(pickle.dumps(s))
print(s2.a, hasattr(s2, 'b'))
print(copy.copy(s).a, copy.deepcopy(s).a)


class D:
    pass


d = D()
print(d.__getstate__())
d.x = 1
print(d.__getstate__(), d.__reduce_ex__(2)[1:3])


class WithState:
    def __init__(self):
        self.v = 1

    def __getstate__(self):
        return {'v': self.v * 10}


print(WithState().__reduce_ex__(2)[2], pickle.loads(pickle.dumps(WithState())).v)


class E:
    def __getnewargs_ex__(self):
        return ((1,), {'k': 2})

    def __new__(cls, *a, **k):
        o = object.__new__(cls)
        o.a = (a, k)
        return o


e = E()
r = e.__reduce_ex__(2)
print(r[0].__name__, r[1], pickle.loads(pickle.dumps(e)).a)


class I(int):
    pass


print(I(5).__reduce_ex__(2)[1], pickle.loads(pickle.dumps(I(7))))


class L(list):
    pass


lst = L([1, 2])
lst.q = 3
r = lst.__reduce_ex__(2)
print(r[1], r[2], list(r[3]))

for bad in [5, (1, 2, 3), ([], {}), ((), [])]:
    class Bad:
        def __getnewargs_ex__(self, bad=bad):
            return bad
    try:
        Bad().__reduce_ex__(2)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)


class Bad2:
    def __getnewargs__(self):
        return 5


try:
    Bad2().__reduce_ex__(2)
except TypeError as exc:
    print(exc)

# type.mro and type.__subclasses__ called through type
class A:
    pass


class B(A):
    pass


print(type.mro(B), type.__subclasses__(A), A.__subclasses__(), B.mro())
