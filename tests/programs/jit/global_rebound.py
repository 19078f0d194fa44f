# Globals and builtins read in hot loops are constants behind dict version guards:
# rebinding a global, adding one, or shadowing a builtin mid-loop must exit.

SCALE = 3


def weight(x):
    return x * SCALE


def rebind(v):
    global SCALE
    SCALE = v


def reader(n):
    s = 0
    for i in range(n):
        s += weight(i) + SCALE + abs(-i)
        if i == 600:
            rebind(5)            # a call that rebinds the global the trace read
        if i == 800:
            globals()["NEW"] = 1  # any change to the dict is a new version
    return s


count = 0


def bump():
    global count
    count += 1


def writer(n):
    for i in range(n):
        bump()                   # stores a global every iteration
    return count


def shadow(n):
    s = 0
    for i in range(n):
        s += len("ab") + max(i, 7)
        if i == 700:
            globals()["len"] = lambda x: 100   # shadows the builtin
    return s


print(reader(1000))
print(writer(3000))
print(shadow(1000))
del globals()["len"]
print(len("abc"))
total = 0
for i in range(2000):            # module level: every name is a global
    total += i * SCALE
    if i == 1500:
        SCALE = 1
print(total, SCALE)
