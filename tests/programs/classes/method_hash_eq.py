# bound methods hash as CPython's (self's identity with the function's hash,
# self's own __hash__ unused) and equal bound methods hash equally; built-in
# methods bound to one object compare equal
class A:
    def __init__(self, x):
        self.x = x

    def f(self):
        pass

    def g(self):
        pass

    def __eq__(self, other):
        return True

    def __hash__(self):
        raise TypeError


class B(A):
    pass


a1, a2 = A(1), A(1)
print(a1.f == a1.f, a1.f != a1.f, a1.f == a2.f, a1.f == a1.g)
print(hash(a1.f) == hash(a1.f), hash(B.f) == hash(A.f), B.f == A.f)
m = a1.f
print(hash(m) == hash(a1.f), {a1.f: 1}[a1.f])
lst = []
print(lst.append == lst.append, lst.append == [].append, lst.append != lst.append,
      lst.append == lst.extend, hash(lst.append) == hash(lst.append))
d = {}
print(d.get == d.get, {d.get: 'x'}[d.get])
