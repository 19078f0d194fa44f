# async def / await / coroutine objects, driven with send(None) as benchmark
# suites do (no event loop)

def run(coro):
    """Drives a coroutine to completion; yielded values are 'sleeps'."""
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as e:
        return e.value, steps

class Sleep:
    """A minimal future: yields itself once from __await__."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return ("woke", self.tag, got)

async def add(a, b):
    return a + b

async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
    return total

async def sleepy():
    r1 = await Sleep("a")
    r2 = await Sleep("b")
    return [r1, r2]

print(run(chain(5)))
print(run(sleepy()))

c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
print(type(c.__await__()).__name__, type(add).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)

# values sent in arrive as the results of the innermost yield
async def echo():
    got = await Sleep("first")
    return got
c = echo()
print(c.send(None))
try:
    c.send("hello")
except StopIteration as e:
    print(e.value)

# exceptions propagate through awaits, and can be caught there
async def fails():
    await Sleep("before failing")
    raise ValueError("inner failure")

async def catches():
    try:
        await fails()
    except ValueError as e:
        return "caught: " + str(e)

print(run(catches()))

async def finally_runs():
    try:
        return await add(2, 3)
    finally:
        print("finally in coroutine")
print(run(finally_runs()))

# throw() goes to the innermost awaiting coroutine first
async def inner():
    try:
        await Sleep("inner waits")
    except KeyError as e:
        print("inner caught", repr(e))
        return "recovered"
    return "not thrown"

async def outer():
    r = await inner()
    print("outer got", r)
    await Sleep("outer waits")
    return "outer done"

c = outer()
print(c.send(None))
print(c.cr_await is not None, type(c.cr_await).__name__)
print(c.throw(KeyError("k")))
try:
    c.send(None)
except StopIteration as e:
    print("stop:", e.value)

# close() closes the awaited chain first
async def closing_inner():
    try:
        await Sleep("x")
    finally:
        print("inner closed")

async def closing_outer():
    try:
        await closing_inner()
    finally:
        print("outer closed")

c = closing_outer()
c.send(None)
print(c.close(), c.cr_await)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# a round-robin scheduler of coroutines
log = []
async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await Sleep(name)
    return name.upper()

tasks = [worker("a", 3), worker("b", 1), worker("c", 2)]
results = {}
while tasks:
    t = tasks.pop(0)
    try:
        t.send(None)
        tasks.append(t)
    except StopIteration as e:
        results[e.value] = len(log)
print(log)
print(results)

# coroutines as methods, closures, nested definitions, default arguments
class Account:
    def __init__(self):
        self.balance = 0
    async def deposit(self, amount=10):
        await Sleep("deposit")
        self.balance += amount
        return self.balance

async def use_account():
    acct = Account()
    await acct.deposit()
    await acct.deposit(5)
    async def helper(k):
        return acct.balance * k
    return await helper(2)
print(run(use_account()))

# awaiting a coroutine's __await__() iterator from a generator-based awaitable
class Wrap:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return (yield from self.coro.__await__())
async def wrapped():
    return await Wrap(add(40, 2))
print(run(wrapped()))

# the hot loop: coroutines created and driven in a loop
def drive_many(n):
    total = 0
    for i in range(n):
        c = add(i, i)
        try:
            c.send(None)
        except StopIteration as e:
            total += e.value
    return total
print(drive_many(2000))
print(run(chain(300))[0])
