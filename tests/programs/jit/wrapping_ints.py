# Int chains reduced by `% 2**k` or `& mask` run in wrapping machine words in
# traces (src/jit/wrapping.rs): the intermediate products leave the inline ints,
# the results must be exactly Python's.


def lcg(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 100)
    return x, sum(out)


def masks(n):
    h = 0
    t = 0
    k = 7
    for i in range(n):
        h = (h * 31 + i * k - 5) & 0xFFFFFFFF
        t += (i * -99991 - h) % 65536
        t ^= (h * h * h) & 1023
    return h, t


def inplace(n):
    x = 3
    for i in range(n):
        x *= 6364136223846793005 % 2**40
        x += i
        x %= 2**32
    return x


def mixed(values):
    # the local in the chain is sometimes a float, a big int or a bool: the
    # trace's guards exit before the chain and the interpreter runs it
    out = []
    for v in values:
        out.append((v * 40503 + 7) % 4096)
    return out


def not_a_power(n):
    x = 1
    for _ in range(n):
        x = (x * 48271) % 2147483647
    return x


def negative(n):
    x = -1
    acc = 0
    for i in range(n):
        x = (x * 1103515245 - 12345 * i) % 1024
        acc += x - 512
    return x, acc


print(lcg(3000, 42))
print(lcg(10, -7))
print(masks(2000))
print(inplace(1000))
vals = [i * 1000003 for i in range(300)] + [2.5, 10**20, True, -3, 2**47 - 1, -2**47]
print(mixed(vals * 3))
print(not_a_power(2000))
print(negative(2000))
