counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); inc()
print(counter)
def make_global():
    global created
    created = 'made'
make_global()
print(created)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
        return x
    inner()
    inner()
    return x
print(outer())
def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def deep():
    a = 'outer'
    def mid():
        def inn():
            nonlocal a
            a = 'changed by inner'
        inn()
    mid()
    return a
print(deep())
def unbound():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
unbound()
x = 'global x'
def read_only():
    return x
print(read_only())
