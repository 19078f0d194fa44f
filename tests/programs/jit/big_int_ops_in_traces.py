# Int arithmetic that leaves the inline ints in hot loops: an LCG whose product
# needs 61 bits, big ints growing, mixed with small ones, a zero divisor raising
# inside the loop, and an int subclass (its own __add__) left to the interpreter.


class Counted(int):
    def __add__(self, o):
        return Counted(int(self) + int(o) + 1000)


def lcg(n, seed):
    x = seed
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x >> 16)
    return out[-3:], sum(out)


def growing(n):
    a, b = 1, 1
    acc = 0
    for i in range(n):
        a, b = b, a + b
        acc = (acc * 3 - a) % (10 ** 30 + 7)
        acc //= 1 if i % 7 else 2
    return a % 1000003, acc, len(str(b))


def zero(n):
    big = 2 ** 70
    out = []
    for i in range(n):
        d = 0 if i == n - 2 else i + 1
        try:
            out.append(big % d + big // d - big * d)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out[-3:]


def subclass(n):
    t = 0
    for i in range(n):
        v = Counted(2 ** 50) if i % 10 == 0 else 2 ** 50
        t = (t + v * 3) % 1000000007
    return t


print(lcg(3000, 7))
print(growing(400))
print(zero(200))
print(subclass(300))
