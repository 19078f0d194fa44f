# Class calls that leave __init__ parameters to their defaults (inlined in
# traces and run by the interpreter's own class-call path), super().__init__
# and Base.__init__(self, ...) from a subclass, and a shared mutable default.


class Node:
    def __init__(self, name, parent=None, tags=[]):
        self.name = name
        self.parent = parent
        self.tags = tags


class File(Node):
    def __init__(self, name, size, parent=None):
        super().__init__(name, parent)
        self.size = size


class Image(File):
    def __init__(self, name, size, scale=2, parent=None):
        File.__init__(self, name, size * scale, parent)
        self.scale = scale


def run(n):
    t = 0
    root = Node("root")
    for i in range(n):
        a = File("f%d" % (i % 5), i)
        b = Image("i", i, parent=root) if i % 3 else Image("j", i)
        c = Node("n", a)
        if i % 100 == 0:
            c.tags.append(i)
        t += a.size + b.size + (b.parent is root) + (c.parent is a) + len(c.tags)
    return t, len(Node.__init__.__defaults__[1]), root.parent


print(run(2000))
print(run(10))
