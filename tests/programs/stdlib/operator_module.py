import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul(4, 5), operator.sub(9, 4), operator.neg(7))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 2), operator.pow(2, 8))
print(operator.eq(1, 1), operator.lt(1, 2), operator.not_(0), operator.truth([]))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.getitem([5, 6], 1))
rows = [("bob", 30, "nyc"), ("amy", 25, "sf"), ("cal", 30, "la")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)(rows[0]), itemgetter(0, 2)(rows[1]))
print(list(map(itemgetter("k"), [{"k": 1}, {"k": 2}])))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.inner = self
    def greet(self, greeting):
        return f"{greeting}, {self.name}"
ps = [P("z", 3), P("y", 1), P("x", 2)]
print([p.name for p in sorted(ps, key=attrgetter("age"))])
print(attrgetter("name", "age")(ps[0]), attrgetter("inner.inner.name")(ps[1]))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"))
print(methodcaller("greet", "Hi")(ps[2]))
from functools import reduce
print(reduce(operator.add, range(10)), reduce(operator.mul, range(1, 8)))
print(list(map(operator.neg, [1, -2, 3])))
x = [1, 2]
print(operator.iadd(x, [3]), x)
