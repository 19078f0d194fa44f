a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(True is True, False is not True)
x = None
print(x is None, x is not None)
print(2 in a, 5 in a, 5 not in a)
print('b' in 'abc', 'bc' in 'abc', 'cb' in 'abc', '' in 'abc')
print(1 in (1, 2), 3 in {1: 'a', 3: 'b'}, 'b' in {1: 'b'})
print(3 in {1, 2, 3}, 3 in range(5), 5 in range(5), 4 in range(0, 10, 2))
print([1] in [[1], [2]], (1,) in [(1,)])
print(1.0 in [1], True in [1], 0 in [False])
class Box:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print('contains called with', x)
        return x in self.items
box = Box([10, 20])
print(10 in box, 30 in box, 30 not in box)
class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 9 in It())
nan = float('nan')
lst = [nan]
print(nan in lst, nan == nan)
