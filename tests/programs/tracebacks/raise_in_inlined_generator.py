# An exception raised inside generators whose resumption a trace inlined unwinds
# through every generator and the loop iterating them, with the interpreter's
# traceback.


def numbers(n):
    i = 0
    while i < n:
        yield 1000 // (n - 200 - i)
        i += 1


def doubled(it):
    for x in it:
        yield x * 2


def consume(n):
    total = 0
    for v in doubled(numbers(n)):
        total += v
    return total


print(consume(150))
print(consume(400))
