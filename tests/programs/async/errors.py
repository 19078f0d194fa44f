# the errors of await, async with and async for, and of coroutine objects

def check(src):
    try:
        exec(src, {})
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

check("await f()")
check("def g():\n    await f()")
check("async def g():\n    class C:\n        await f()")
check("async def g():\n    lambda: await f()")
check("def g():\n    async with x:\n        pass")
check("def g():\n    async for x in y:\n        pass")
check("async def g():\n    await f()")

async def f():
    return 1

def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

def drive(c):
    return c.send(None)

c = f()
attempt("send non-None first", lambda: c.send(1))
attempt("finish", lambda: drive(c))
attempt("send again", lambda: drive(c))
attempt("throw again", lambda: c.throw(ValueError))
attempt("close again", lambda: c.close())
attempt("next", lambda: next(f()))
attempt("iter", lambda: iter(f()))
attempt("for", lambda: [x for x in f()])
attempt("list", lambda: list(f()))

class NonIter:
    def __await__(self):
        return 5
class CoroAwait:
    def __await__(self):
        return f()
class Nothing:
    pass

async def awaiter(x):
    return await x

def gen():
    yield 1

async def agen():
    yield 1
class AgenAwait:
    def __await__(self):
        return agen()
class GenAwait:
    def __await__(self):
        return (x for x in ["from a generator"])

for x in [NonIter(), CoroAwait(), Nothing(), 5, gen(), None, AgenAwait(), GenAwait()]:
    attempt("await " + type(x).__name__, lambda: drive(awaiter(x)))

class OnlyEnter:
    async def __aenter__(self):
        return 1
class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 1
class AIterInt:
    def __aiter__(self):
        return 5
class ANextInt:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

async def with_(m):
    async with m:
        pass
async def for_(it):
    async for x in it:
        pass

attempt("async with OnlyEnter", lambda: drive(with_(OnlyEnter())))
attempt("async with SyncEnter", lambda: drive(with_(SyncEnter())))
attempt("async with Nothing", lambda: drive(with_(Nothing())))
attempt("async for Nothing", lambda: drive(for_(Nothing())))
attempt("async for AIterInt", lambda: drive(for_(AIterInt())))
attempt("async for ANextInt", lambda: drive(for_(ANextInt())))

async def raises_stop():
    raise StopIteration("x")
attempt("StopIteration inside", lambda: drive(raises_stop()))

async def awaits_twice():
    c = f()
    await c
    return await c
attempt("await twice", lambda: drive(awaits_twice()))

class Pause:
    def __await__(self):
        yield "paused"
async def long():
    await Pause()
async def double_await(c):
    return await c
c = long()
w = double_await(c)
print(w.send(None))
attempt("awaited already", lambda: drive(double_await(c)))

def gen_from_coro():
    yield from f()
attempt("yield from coroutine", lambda: next(gen_from_coro()))

async def ignores_exit():
    try:
        await Pause()
    except GeneratorExit:
        await Pause()
c = ignores_exit()
c.send(None)
attempt("ignore GeneratorExit", lambda: c.close())

async def running():
    return c2.send(None)
c2 = running()
attempt("already executing", lambda: c2.send(None))

# an uncaught error from inside a coroutine ends the program
async def boom():
    await f()
    raise LookupError("from a coroutine")
drive(boom())
