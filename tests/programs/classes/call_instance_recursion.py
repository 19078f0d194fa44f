# A class whose __call__ is one of its own instances: calling recurses without a
# Python frame in between and must end in RecursionError (it used to run forever).
class A:
    pass


A.__call__ = A()
a = A()
try:
    a()
except RecursionError:
    print("RecursionError")


class B:
    def __call__(self, x):
        return x * 2


class C:
    __call__ = B()


print(C()(21))


class D:
    __call__ = staticmethod(lambda x: x + 1)


class E:
    __call__ = classmethod(lambda cls, x: (cls.__name__, x))


class F:
    __call__ = print


D_ = D()
print(D_(1), E()(2))
F()("called print without self")
import functools


class G:
    __call__ = functools.partial(lambda *a: len(a), 1)


print(G()(5))
