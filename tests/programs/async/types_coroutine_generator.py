# types.coroutine on a generator function: the code.replace(co_flags | 0x100)
# it assigns as __code__ marks the function, whose generators await accepts and
# which may yield from a coroutine (CPython's CO_ITERABLE_COROUTINE)
import types, inspect

@types.coroutine
def gen():
    x = yield 'a'
    return x * 2

async def main():
    r = await gen()
    return r + 1

c = main()
print(c.send(None))
try:
    c.send(10)
except StopIteration as e:
    print('result', e.value)
g = gen()
print(bool(g.gi_code.co_flags & 0x100), bool(gen.__code__.co_flags & 0x100), inspect.isawaitable(g))
g.close()

def plain():
    yield 1
print(inspect.isawaitable(plain()), bool(plain.__code__.co_flags & 0x100))

async def coro():
    return 5

@types.coroutine
def deleg():
    return (yield from coro())

async def main2():
    return await deleg()

c = main2()
try:
    c.send(None)
except StopIteration as e:
    print('deleg', e.value)

def notmarked():
    yield from coro()
try:
    list(notmarked())
except TypeError as e:
    print(e)

async def bad():
    await plain()
try:
    bad().send(None)
except TypeError as e:
    print(e)
co = plain.__code__
