class Node:
    def __init__(self, key):
        self.key = key
        self.left = self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        def _ins(node, key):
            if node is None:
                self.size += 1
                return Node(key)
            if key < node.key:
                node.left = _ins(node.left, key)
            elif key > node.key:
                node.right = _ins(node.right, key)
            return node
        self.root = _ins(self.root, key)
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
    def delete(self, key):
        def _min(node):
            while node.left:
                node = node.left
            return node
        def _del(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = _min(node.right)
                node.key = succ.key
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)
        self.size -= 1
    def __iter__(self):
        stack, n = [], self.root
        while stack or n:
            while n:
                stack.append(n)
                n = n.left
            n = stack.pop()
            yield n.key
            n = n.right
    def height(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))
    def __len__(self):
        return self.size
    def shape(self, node="root"):
        if node == "root":
            node = self.root
        if node is None:
            return "-"
        if node.left is None and node.right is None:
            return str(node.key)
        return f"({self.shape(node.left)} {node.key} {self.shape(node.right)})"

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    t.insert(k)
print(list(t), len(t), t.height())
print(t.shape())
print(40 in t, 99 in t)
for k in [20, 30, 50, 99, 70]:
    try:
        t.delete(k)
        print("deleted", k, "->", list(t), "size", len(t))
        print("  ", t.shape())
    except KeyError as e:
        print("missing key", e)
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w)
print(list(words), words.height())
chain = BST()
for i in range(20):
    chain.insert(i)
print(chain.height(), len(chain))
