# a traceback through awaits shows every coroutine frame
class Pause:
    def __await__(self):
        yield "pause"

async def leaf(x):
    await Pause()
    return 10 // x

async def middle(x):
    return await leaf(x) + 1

async def top():
    total = 0
    for x in [2, 1, 0]:
        total += await middle(x)
    return total

c = top()
while True:
    print(c.send(None))
