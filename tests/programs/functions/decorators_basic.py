def shout(fn):
    def wrapper(*args, **kwargs):
        return str(fn(*args, **kwargs)).upper() + "!"
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("world"))
print(hello.__name__)

calls = []
def trace(fn):
    def wrapper(*args):
        calls.append((fn.__name__, args))
        return fn(*args)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper

@trace
def add(a, b):
    "Add two numbers."
    return a + b

print(add(1, 2), add(3, 4))
print(calls)
print(add.__name__, add.__doc__)

def count_calls(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper

@count_calls
def noop():
    pass

for _ in range(5):
    noop()
print(noop.count)

def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco

REG = {}
@register(REG)
def alpha(): return "a"
@register(REG)
def beta(): return "b"
print(sorted(REG), REG["beta"]())
print(alpha is REG["alpha"])
