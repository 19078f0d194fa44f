LINES = """alpha 10
beta 5
# comment
gamma 7

delta 12
epsilon x
zeta 3""".split("\n")

def strip_comments(lines):
    for ln in lines:
        if not ln.startswith("#"):
            yield ln

def non_empty(lines):
    for ln in lines:
        if ln.strip():
            yield ln

def parse(lines):
    for ln in lines:
        name, val = ln.split()
        try:
            yield name, int(val)
        except ValueError:
            print("skip bad value:", val)

def above(pairs, threshold):
    for name, v in pairs:
        if v > threshold:
            yield name, v

pipe = above(parse(non_empty(strip_comments(LINES))), 4)
for item in pipe:
    print(item)

def numbers():
    for i in range(1, 11):
        print("produce", i)
        yield i

def squares(it):
    for x in it:
        yield x * x

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

p = evens(squares(numbers()))
print(next(p))
print(next(p))
print(sum(evens(squares(range(1, 11)))))
def batch(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf
print(list(batch(range(10), 3)))
