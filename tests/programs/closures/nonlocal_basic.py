def outer():
    x = 1
    def change():
        nonlocal x
        x = 2
    def no_change():
        x = 3
        return x
    print("before", x)
    change()
    print("after change", x)
    print("no_change returns", no_change())
    print("after no_change", x)

outer()

def multi():
    a = b = 0
    def bump():
        nonlocal a, b
        a += 1
        b += 10
    for _ in range(3):
        bump()
    return a, b
print(multi())

def list_mutation():
    items = []
    def add(v):
        items.append(v)  # no nonlocal needed
    add(1); add(2)
    return items
print(list_mutation())

def rebinding():
    s = "a"
    def f():
        nonlocal s
        s = s + "b"
        return s
    f(); f()
    return s
print(rebinding())

def shadow_chain():
    v = "outer"
    def mid():
        v = "mid"
        def inner():
            nonlocal v
            v = "changed-mid"
        inner()
        return v
    return mid(), v
print(shadow_chain())
