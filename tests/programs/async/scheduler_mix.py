# coroutines, async generators, match, except* and complex numbers together in a
# round-robin scheduler (a benchmark-suite style driver: send(None) until StopIteration)
class Sleep:
    __slots__ = ()
    def __await__(self):
        yield None

async def fib(n):
    if n < 2:
        return n
    await Sleep()
    return await fib(n - 1) + await fib(n - 2)

async def agen(n):
    for i in range(n):
        if i % 5 == 0:
            await Sleep()
        yield i

async def worker(k):
    total = 0
    async for v in agen(k * 10):
        match v % 4:
            case 0:
                total += v
            case 1 | 2:
                total -= 1
            case _:
                try:
                    raise ExceptionGroup("g", [ValueError(v), KeyError(v)])
                except* ValueError as e:
                    total += len(e.exceptions)
                except* KeyError:
                    total += 2
    total += await fib(k % 12)
    return total + int(abs(complex(k, k)) ** 2)

def schedule(n):
    tasks = [worker(k) for k in range(n)]
    results = []
    while tasks:
        t = tasks.pop(0)
        try:
            t.send(None)
            tasks.append(t)
        except StopIteration as e:
            results.append(e.value)
    return sum(results), len(results)

print(schedule(60))
