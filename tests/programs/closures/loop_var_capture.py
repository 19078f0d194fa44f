def build_handlers(names):
    handlers = {}
    for n in names:
        def handler(msg, n=n):
            return f"{n}: {msg}"
        handlers[n] = handler
    return handlers

h = build_handlers(["x", "y", "z"])
print(h["x"]("hi"), h["z"]("bye"))

def build_bad(names):
    handlers = {}
    for n in names:
        handlers[n] = lambda msg: f"{n}: {msg}"
    return handlers
b = build_bad(["x", "y", "z"])
print(b["x"]("hi"), b["y"]("hi"))

def while_capture():
    fs = []
    i = 0
    while i < 3:
        fs.append(lambda: i * 10)
        i += 1
    return [f() for f in fs]
print(while_capture())

def cell_per_iteration():
    fs = []
    for i in range(3):
        def mk(j):
            return lambda: j * 10
        fs.append(mk(i))
    return [f() for f in fs]
print(cell_per_iteration())

gens = [(x for _ in range(2)) for x in range(3)]
print([list(g) for g in gens])
x = 5
print([(lambda: x)() for x in range(3)])
print(x)
