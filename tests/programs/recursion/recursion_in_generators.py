def walk(n):
    if n > 0:
        yield n
        yield from walk(n - 1)

print(list(walk(10)))
print(sum(walk(300)))

def deep_gen(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep_gen(n - 1)
try:
    print(list(deep_gen(100000)))
except RecursionError as e:
    print("RecursionError in generator:", type(e).__name__)

def hanoi(n, a="A", b="B", c="C"):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)
moves = list(hanoi(5))
print(len(moves), moves[:4], moves[-1])
