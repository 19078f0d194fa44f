def a(x):
    return b(x + 1)

def b(x):
    return c(x * 2)

def c(x):
    print("c got", x)
    return 10 // (x - x)

print("start")
a(1)
print("unreachable")
