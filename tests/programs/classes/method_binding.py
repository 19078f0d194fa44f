class Calc:
    def __init__(self, v):
        self.v = v
    def add(self, x):
        return self.v + x

c = Calc(10)
bound = c.add
print(bound(5))
print(bound.__self__ is c, bound.__func__ is Calc.add)
print(Calc.add(c, 7))
print(type(bound).__name__, type(Calc.add).__name__)
fs = [Calc(i).add for i in range(3)]
print([f(100) for f in fs])
print(list(map(Calc(1).add, [1, 2, 3])))
c.v = 50
print(bound(5))
def extra(self, n):
    return self.v * n
Calc.mul = extra
print(c.mul(2))
c.sub = lambda x: c.v - x
print(c.sub(8))
print(c.add == c.add, c.add is c.add)
class Greeter:
    def __call__(self, name):
        return "hi " + name
print(Greeter()("bob"))
print(sorted([Calc(3), Calc(1), Calc(2)], key=lambda o: o.v)[0].v)
print(str.upper("abc"), "abc".upper.__name__)
