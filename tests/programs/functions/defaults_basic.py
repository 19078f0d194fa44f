def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def power(base, exp=2):
    return base ** exp

for b in range(5):
    print(b, power(b), power(b, 3))

def f(a, b=None, c=()):
    return (a, b, c)

print(f(1))
print(f(1, 2))
print(f(1, c=[3]))
print(f.__defaults__)
print(greet.__defaults__)
print(power.__defaults__)
def nodef(x): return x
print(nodef.__defaults__)
