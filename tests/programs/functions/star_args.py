def total(*args):
    print(type(args).__name__, len(args))
    s = 0
    for a in args:
        s += a
    return s

print(total())
print(total(1))
print(total(1, 2, 3, 4))
print(total(*range(10)))

def first_rest(first, *rest):
    return first, rest

print(first_rest(1))
print(first_rest(1, 2, 3))
print(first_rest(*"abc"))
print(first_rest(*[1], *[2, 3], 4))

def show(*a):
    return a
print(show(*(1, 2), *{3: 'x'}, *"yz"))
print(show(*[]))
nums = [3, 1, 2]
print(max(*nums), min(*nums))
print(*nums)
print(*nums, sep=", ")
