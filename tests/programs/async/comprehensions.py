# async comprehensions: async for in list/set/dict comprehensions and generator
# expressions, await inside comprehensions, nesting
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
        yield i

async def double(x):
    await Tick()
    return 2 * x

async def comps():
    a = [x async for x in agen(4)]
    b = {x: await double(x) async for x in agen(3) if x != 1}
    c = {await double(x) for x in range(3)}
    d = [[y async for y in agen(x)] for x in range(3)]
    e = [x for x in await double(2) * [1]]
    g = (x * 10 async for x in agen(3))
    f = [v async for v in g]
    h = [i async for i in agen(5) if await double(i) > 4]
    return a, b, sorted(c), d, e, f, h
r, steps = run(comps())
print(r)
print(len(steps))

def sync():
    return (x async for x in agen(2))
g = sync()
print(type(g).__name__)
async def use(g):
    return [x async for x in g]
print(run(use(g))[0])

def check(src):
    try:
        exec(src, {})
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

check("def f():\n    return (x async for x in y)")
check("def f():\n    return [x async for x in y]")
check("[await x for x in y]")
check("async def f():\n    return [[x async for x in y] for z in w]")
check("def f():\n    return [[x async for x in y] for z in w]")
check("def f():\n    return (await x for x in y)")
check("async def f():\n    return {x: await y async for x in z if await x}")

# in a loop
async def total(n):
    s = 0
    for k in range(n):
        s += sum([v async for v in agen(k % 4)])
    return s
print(run(total(100))[0])
