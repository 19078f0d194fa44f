def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count_up(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_up(5)))
print(sum(count_up(101)))
for x in count_up(4):
    print("loop", x)

def tracer():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")

t = tracer()
print("created")
print(next(t))
print(next(t))
print(next(t, "default"))
print(next(t, "again"))

def empty():
    return
    yield
print(list(empty()))
print(max(count_up(10)), min(count_up(10)), sorted(count_up(4), reverse=True))
print(list(zip(count_up(3), "abc")))
print(dict(enumerate(count_up(3))))
