def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in (0, 1, 5, 10, 20, 21, 25, 30, 50):
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)), f100 % 1000003, f100 // fact(98))
print(sum(int(d) for d in str(f100)))
print(type(f100).__name__, f100 > 10**157, f100 < 10**158)
