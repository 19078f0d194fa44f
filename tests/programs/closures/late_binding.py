funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def make(n):
    return lambda: n
funcs = [make(i) for i in range(4)]
print([f() for f in funcs])

adders = [lambda x: x + k for k in range(3)]
print([a(10) for a in adders])
adders = [(lambda k: lambda x: x + k)(k) for k in range(3)]
print([a(10) for a in adders])

def outer():
    fs = []
    x = 1
    fs.append(lambda: x)
    x = 2
    fs.append(lambda: x)
    x = 3
    return fs
print([f() for f in outer()])

i = 100
print([f() for f in funcs])
def loop_closure():
    result = []
    for name in ["a", "b", "c"]:
        def show():
            return name
        result.append(show)
    return result
print([f() for f in loop_closure()])
