# async def makes coroutine objects driven with send/throw/close; await delegates to __await__.
async def add(a, b):
    return a + b
class Sleep:
    def __await__(self):
        v = yield "tick"
        return v * 2
async def main():
    x = await add(1, 2)
    y = await Sleep()
    try:
        await Sleep()
    except ValueError as e:
        print("caught", e)
    return x + y
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
print(c.send(10))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("done", e.value)
async def agen():
    yield 1
g = agen()
print(type(g).__name__)
c2 = add(1, 2)
c2.close()
try:
    for x in add(3, 4):
        pass
except TypeError as e:
    print(e)
print(repr(add(1, 2)).split(" at ")[0])


async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)


c = deep(50)
try:
    c.send(None)
except StopIteration as e:
    print("deep", e.value)
print(add.__code__.co_flags & 0x80 != 0, deep.__code__.co_name, type(add.__code__).__name__)
