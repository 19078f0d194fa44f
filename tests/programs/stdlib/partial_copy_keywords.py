# a copied partial shares its keywords dict, args tuple and attributes with the
# original (partial.__setstate__ keeps an exact dict, as CPython's)
import copy
import functools


def f(*args, **kw):
    return args, kw


p = functools.partial(f, ['asdf'], bar=[True])
p.attr = []
q = copy.copy(p)
print(q.keywords is p.keywords, q.args is p.args, q.attr is p.attr, q(1))
r = copy.deepcopy(p)
print(r.keywords is p.keywords, r.keywords == p.keywords, r(2))


class D(dict):
    pass


s = functools.partial(f)
s.__setstate__((f, (1,), D(a=1), None))
print(type(s.keywords).__name__, s.keywords, s(2))
kw = {'b': 2}
s.__setstate__((f, (), kw, None))
print(s.keywords is kw, s())
