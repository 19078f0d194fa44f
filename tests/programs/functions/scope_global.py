count = 0
def inc():
    global count
    count += 1
    return count
for _ in range(3):
    inc()
print(count)

x = "global"
def read_x():
    return x
def shadow_x():
    x = "local"
    return x
print(read_x(), shadow_x(), x)

def make_global():
    global newvar
    newvar = 42
make_global()
print(newvar)

def uses_builtin():
    return len([1, 2, 3])
print(uses_builtin())
def shadow_builtin():
    len = lambda s: -1
    return len("abc")
print(shadow_builtin(), len("abc"))

try:
    def bad():
        print(y_undefined)
    bad()
except NameError as e:
    print("NameError:", e)

total = 100
def unbound():
    try:
        total += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()
print("globals has count:", "count" in globals())
def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())
