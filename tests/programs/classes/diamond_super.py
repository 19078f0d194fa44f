class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]
    def hello(self):
        return ["Base"]

class A(Base):
    def __init__(self):
        print("A.__init__ start")
        super().__init__()
        self.trail.append("A")
        print("A.__init__ end")
    def hello(self):
        return ["A"] + super().hello()

class B(Base):
    def __init__(self):
        print("B.__init__ start")
        super().__init__()
        self.trail.append("B")
        print("B.__init__ end")
    def hello(self):
        return ["B"] + super().hello()

class C(A, B):
    def __init__(self):
        print("C.__init__ start")
        super().__init__()
        self.trail.append("C")
        print("C.__init__ end")
    def hello(self):
        return ["C"] + super().hello()

c = C()
print(c.trail)
print(c.hello())
print([k.__name__ for k in C.__mro__])
print(super(A, c).hello())
print(super(C, c).hello())
class D(B, A):
    pass
print(D().hello())
