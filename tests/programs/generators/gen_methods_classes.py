class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

c = Countdown(5)
print(list(c))
print(list(c))
print(sum(c), 3 in c, 9 in c)

class Tree:
    def __init__(self, val, left=None, right=None):
        self.val, self.left, self.right = val, left, right
    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.val
        if self.right:
            yield from self.right.inorder()
    def preorder(self):
        yield self.val
        for ch in (self.left, self.right):
            if ch:
                yield from ch.preorder()

t = Tree(4, Tree(2, Tree(1), Tree(3)), Tree(6, Tree(5), Tree(7)))
print(list(t.inorder()))
print(list(t.preorder()))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return (i * 2 for i in range(self.n))
print(list(Range2(4)))
print([x for x in Range2(3)])
a, b, c2 = Range2(3)
print(a, b, c2)
def gen():
    yield 1
g = gen()
print(iter(g) is g)
print(hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"))
