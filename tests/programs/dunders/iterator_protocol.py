class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = CountDown(3)
print(list(c), list(c))
for x in CountDown(4):
    print(x, end=",")
print()
it = iter(CountDown(2))
print(next(it), next(it), next(it, "done"))

class LinkedList:
    class Node:
        def __init__(self, v, nxt):
            self.v, self.nxt = v, nxt
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.head = self.Node(x, self.head)
            self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.v
            node = node.nxt
    def __len__(self):
        return self.size
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
    def __reversed__(self):
        return iter(list(self)[::-1])

ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), list(reversed(ll)))
print(sum(ll), max(ll), 3 in ll, 7 in ll)
print([x * 10 for x in ll], LinkedList())
a, *b = ll
print(a, b)
print(dict(zip(ll, "abcd")))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self): return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r
print(list(Fib(100)))
print(list(enumerate(Fib(5))))
