# async generators: __anext__/asend/athrow/aclose awaitables, async for over them,
# their states and errors
def run(coro):
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as e:
        return e.value, steps

class Tick:
    def __await__(self):
        yield "tick"

async def agen(n):
    for i in range(n):
        await Tick()
        x = yield i
        if x is not None:
            print("sent", x)
    print("agen done")

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(consume()))

g = agen(2)
print(type(g).__name__, g.ag_running, g.__name__)
a = g.__anext__()
print(type(a).__name__)
print(a.send(None))
try:
    a.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print(e)
b = g.asend("hello")
print(b.send(None))
try:
    b.send(None)
except StopIteration as e:
    print("value", e.value)
c = g.aclose()
try:
    c.send(None)
except StopIteration as e:
    print("closed", e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

async def catcher():
    try:
        yield 1
    except ValueError as e:
        print("caught", repr(e))
        yield 2
    finally:
        print("finally")

async def drive_throw():
    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    await g.aclose()
    return "ok"
print(run(drive_throw()))

async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def drive_ignore():
    g = ignores()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        return str(e)
print(run(drive_ignore()))

async def bad():
    raise StopAsyncIteration
    yield
try:
    bad().__anext__().send(None)
except RuntimeError as e:
    print(e)
for src in ["async def f():\n    yield from x", "async def f():\n    yield 1\n    return 2"]:
    try:
        exec(src)
    except SyntaxError as e:
        print(e.msg)
try:
    iter(agen(1))
except TypeError as e:
    print(e)

# athrow/aclose on finished and unstarted generators, reuse errors
async def one():
    yield 1
async def drive_states():
    out = []
    g = one()
    out.append(await g.aclose())          # never started: closes quietly
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("closed gen: StopAsyncIteration")
    g = one()
    out.append(await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("exhausted")
    try:
        await g.athrow(ValueError)
    except StopAsyncIteration:
        out.append("athrow after exhaustion: StopAsyncIteration")
    out.append(await g.aclose())
    a = one().__anext__()
    await a
    try:
        await a
    except RuntimeError as e:
        out.append(str(e))
    t = one().aclose()
    await t
    try:
        await t
    except RuntimeError as e:
        out.append(str(e))
    g = one()
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        out.append("athrow unstarted: " + repr(e))
    return out
print(run(drive_states()))

# return inside an async generator ends it; a try/finally runs on aclose
async def with_finally():
    try:
        for i in range(10):
            yield i
            if i == 2:
                return
    finally:
        print("cleanup ran")
async def take():
    got = []
    async for v in with_finally():
        got.append(v)
    g = with_finally()
    await g.__anext__()
    await g.aclose()
    return got
print(run(take()))

# an async generator method with awaits between yields, in a loop (JIT material)
class Source:
    def __init__(self, n):
        self.n = n
    async def items(self):
        for i in range(self.n):
            if i % 3 == 0:
                await Tick()
            yield i * i
async def consume_many():
    total = 0
    for k in range(60):
        async for v in Source(k % 7).items():
            total += v
    return total
print(run(consume_many())[0])
