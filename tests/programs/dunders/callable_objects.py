class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return (x * self.k + sum(rest)) * scale

double = Multiplier(2)
print(double(5), double(5, 1, 1), double(1, scale=10))
print(double.calls, callable(double), callable(Multiplier))
print(list(map(Multiplier(3), [1, 2, 3])))
print(sorted([3, -4, 1], key=Multiplier(-1)))

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, *a):
        if a not in self.cache:
            self.cache[a] = self.fn(*a)
        return self.cache[a]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache), type(fib).__name__)

class Adder:
    def __init__(self, total=0):
        self.total = total
    def __call__(self, v):
        return Adder(self.total + v)
    def __repr__(self):
        return f"Adder({self.total})"
print(Adder()(1)(2)(3))
try:
    Multiplier(2)()
except TypeError as e:
    print("TypeError:", e)
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
