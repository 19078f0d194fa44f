# operator: call, __all__, dunder aliases are the same functions, getters
# pickle, length_hint's rules; `in` lets an __iter__ error through;
# builtin functions know their __module__
import math
import operator
import pickle

print(operator.call(max, 3, 9, key=lambda x: -x), "call" in operator.__all__, len(operator.__all__))
print(operator.__add__ is operator.add, operator.__lt__ is operator.lt, operator.__getitem__ is operator.getitem)
for g in (operator.itemgetter(1, 0), operator.attrgetter("real", "imag"), operator.methodcaller("split", ",")):
    g2 = pickle.loads(pickle.dumps(g))
    print(repr(g2) == repr(g), g.__reduce__()[1])


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        if isinstance(self.v, type):
            raise self.v
        return self.v


print(operator.length_hint(Hint(4)), operator.length_hint(Hint(TypeError), 7), operator.length_hint(Hint(NotImplemented), 2))
try:
    operator.length_hint(Hint(-1))
except ValueError as e:
    print(e)


class BadIterable:
    def __iter__(self):
        raise ZeroDivisionError


try:
    1 in BadIterable()
except ZeroDivisionError:
    print("ZeroDivisionError from __iter__")
try:
    1 in 5
except TypeError as e:
    print(e)
print(len.__module__, math.sqrt.__module__, [].append.__module__)
