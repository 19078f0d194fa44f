it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
print(next(it, "default"))

class Counter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration("finished")
        return self.i
print(list(Counter()))
c = Counter()
for x in c:
    pass
try:
    next(c)
except StopIteration as e:
    print("again:", e.args)

def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("gen return:", e.value)

def leak():
    yield next(iter([]))
try:
    list(leak())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
print(list(map(lambda x: x, [])))
print(dict.fromkeys(Counter()))
