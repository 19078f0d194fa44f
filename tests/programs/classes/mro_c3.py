class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

for cls in (A, K1, K2, K3, Z):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])

class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class Bad(P, Q): pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def who(self): return "Base"
class Left(Base):
    def who(self): return "Left"
class Right(Base):
    def who(self): return "Right"
class Both(Left, Right): pass
class Both2(Right, Left): pass
print(Both().who(), Both2().who())
print([c.__name__ for c in Both.mro()])
try:
    class Dup(Base, Base): pass
except TypeError as e:
    print("TypeError:", e)
