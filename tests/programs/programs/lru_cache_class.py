class Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.map = {}
        self.head = Node()
        self.tail = Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push_front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n)
        self._push_front(n)
        return n.value
    def put(self, key, value):
        n = self.map.get(key)
        if n:
            n.value = value
            self._unlink(n)
            self._push_front(n)
            return
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions += 1
            print(f"  evict {lru.key!r}")
        n = Node(key, value)
        self.map[key] = n
        self._push_front(n)
    def keys(self):
        n, out = self.head.next, []
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
    def __len__(self):
        return len(self.map)
    def __contains__(self, key):
        return key in self.map
    def __repr__(self):
        return "LRU[" + ", ".join(f"{k}={self.map[k].value}" for k in self.keys()) + "]"

c = LRUCache(3)
ops = [("put", "a", 1), ("put", "b", 2), ("put", "c", 3), ("get", "a"), ("put", "d", 4),
       ("get", "b"), ("get", "c"), ("put", "a", 10), ("put", "e", 5), ("get", "d"), ("get", "a"),
       ("put", "f", 6)]
for op in ops:
    if op[0] == "put":
        c.put(op[1], op[2])
        print("put", op[1], "->", c)
    else:
        print("get", op[1], "=", c.get(op[1], "MISS"), "->", c)
print(len(c), "a" in c, "b" in c, c.hits, c.misses, c.evictions)

def cached(cache):
    def deco(fn):
        def wrapper(n):
            sentinel = object()
            r = cache.get(n, sentinel)
            if r is sentinel:
                r = fn(n)
                cache.put(n, r)
            return r
        return wrapper
    return deco
fc = LRUCache(100)
@cached(fc)
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
print([collatz_len(i) for i in range(1, 15)], fc.hits, len(fc))
