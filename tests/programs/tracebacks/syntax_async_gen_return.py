# a value returned from an async generator
async def f():
    yield 1
    return 5
