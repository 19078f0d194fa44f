def repeat(n):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def ping(x):
    return "ping" + str(x)

print(ping(1))

def prefix(p, sep=": "):
    def deco(fn):
        def wrapper(*a):
            return p + sep + fn(*a)
        return wrapper
    return deco

@prefix("INFO")
def msg(s):
    return s

@prefix("WARN", sep=" | ")
def warn(s):
    return s.upper()

print(msg("started"))
print(warn("disk low"))

def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"expected {t.__name__}, got {type(a).__name__}")
            return fn(*args)
        return wrapper
    return deco

@validate(int, str)
def label(n, s):
    return s * n

print(label(3, "ab"))
try:
    label("x", "y")
except TypeError as e:
    print("error:", e)

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
