def gen():
    yield 1
    yield 2
    return 99

g = gen()
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("value after exhaustion:", e.value)

g = gen()
next(g); next(g)
try:
    next(g)
except StopIteration as e:
    print("first stop value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("second stop value:", e.value, e.args)


def raising():
    yield 1
    raise ValueError("inside")
r = raising()
print(next(r))
try:
    next(r)
except ValueError as e:
    print("ValueError", e)
print(next(r, "exhausted"))

it = iter([1, 2])
print(next(it), next(it), next(it, None))
g = gen()
print(g.gi_running, g.__name__)
def stop_in_gen():
    yield 1
    raise StopIteration("x")
try:
    list(stop_in_gen())
except RuntimeError as e:
    print("RuntimeError:", e)
