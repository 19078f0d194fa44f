# async with and async for

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

class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Tick()
        return self.name.upper()
    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None, exc)
        await Tick()
        return self.suppress

async def uses_with():
    async with Manager("a") as a, Manager("b") as b:
        print("body", a, b)
    async with Manager("s", suppress=True):
        raise ValueError("suppressed")
    try:
        async with Manager("t"):
            raise KeyError("escapes")
    except KeyError as e:
        print("caught", repr(e))
    return "with done"
print(run(uses_with()))

async def returns_from_with():
    async with Manager("r") as r:
        return "returned " + r
print(run(returns_from_with()))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def uses_for():
    out = []
    async for i in Countdown(3):
        out.append(i)
    else:
        out.append("else")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        out.append(i)
    else:
        out.append("no else after break")
    return out
print(run(uses_for()))

async def nested():
    total = 0
    async with Manager("n"):
        async for i in Countdown(4):
            async for j in Countdown(i):
                total += j
            if i == 0:
                return total
    return -1
print(run(nested()))

# an exception inside async for propagates (not swallowed like StopAsyncIteration)
class Broken:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise IndexError("broken iterator")
async def broken():
    try:
        async for x in Broken():
            pass
    except IndexError as e:
        return "IndexError: " + str(e)
print(run(broken()))

# a loop of async for in a function that is called many times (JIT material)
class Range:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def summer(n):
    s = 0
    async for v in Range(n):
        s += v
    return s
tot = 0
for k in range(200):
    tot += run(summer(k % 10))[0]
print(tot)
