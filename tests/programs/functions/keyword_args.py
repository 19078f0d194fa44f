def describe(name, age, city="Nowhere"):
    return f"{name} is {age} from {city}"

print(describe("Al", 30))
print(describe(age=5, name="Bo"))
print(describe("Cid", city="Paris", age=41))
print(describe(*["Dee", 22]))
print(describe(**{"name": "Eve", "age": 19, "city": "Oslo"}))

def order(a, b, c):
    return [a, b, c]

print(order(1, 2, 3))
print(order(c=3, a=1, b=2))
print(order(1, c=3, b=2))

def mixed(x, y=2, *rest, z=3, **kw):
    return (x, y, rest, z, sorted(kw.items()))

print(mixed(1))
print(mixed(1, 5, 6, 7))
print(mixed(1, z=9, q=0, p=1))
print(mixed(1, 2, 3, z=4, w=5))
