# Found by the deopt_programs fuzzer (CI run): the receiver alternates between
# instances of a class and a subclass, assigned from loop invariants on each
# branch, while methods are looked up through shape and type-version guards and
# the class gains an attribute. The recorded branch always stores the same
# invariant, so its phi folds away; entering that loop body from the other
# branch's side trace would keep calling the wrong method.


class C3:
    def __init__(self, a):
        self.a = a

    def m(self, v):
        return self.a + v


class D3(C3):
    def m(self, v):
        return self.a - v


def run1():
    o3 = C3(1)
    p3 = D3(2)
    q3 = C3(3)
    r3 = D3(4)
    t3 = 0
    for i in list(range(40)):
        t3 = t3 + o3.m(i)
        o3.a = o3.a + 1
        if i == 0:
            o3 = p3
        if i % 3 == 0:
            o3 = q3
        else:
            o3 = r3
        if i == 0:
            C3.z = 5
        t3 = t3 + o3.a
    print("loop1", t3, o3.a, type(o3).__name__, getattr(o3, "extra", None))


run1()
run1()
