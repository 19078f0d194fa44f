class Outer:
    x = "outer-x"
    class Inner:
        y = "inner-y"
        def show(self):
            return "inner show"
        class Deep:
            z = "deep-z"
    def make_inner(self):
        return self.Inner()

o = Outer()
print(o.make_inner().show())
print(Outer.Inner.y, Outer.Inner.Deep.z)
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__)
i = Outer.Inner()
print(type(i).__name__, isinstance(i, Outer.Inner))
class Node:
    class Kind:
        LEAF = "leaf"
        BRANCH = "branch"
    def __init__(self, children=()):
        self.children = list(children)
        self.kind = Node.Kind.LEAF if not self.children else Node.Kind.BRANCH
n = Node([Node(), Node()])
print(n.kind, [c.kind for c in n.children])
class LinkedList:
    class _Node:
        __slots__ = ("val", "next")
        def __init__(self, val, nxt=None):
            self.val, self.next = val, nxt
    def __init__(self):
        self.head = None
    def push(self, v):
        self.head = self._Node(v, self.head)
    def items(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
ll = LinkedList()
for v in range(5):
    ll.push(v)
print(list(ll.items()))
try:
    class A:
        only_in_a = 1
        class B:
            w = only_in_a
except NameError as e:
    print("NameError:", e)
