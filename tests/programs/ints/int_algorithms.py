def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
print(gcd(48, 18), gcd(-48, 18), gcd(2**100, 6**50), gcd(0, 5))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 15)], collatz(27))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(10), fib(90), fib(200))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10**40), isqrt(2 * 10**30), isqrt(99))
def digits(n, base):
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(r)
    return out[::-1] or [0]
print(digits(255, 2), digits(2**64, 16), digits(0, 7))
print(sum(i * i for i in range(1000)), sum(range(10**6)) % 997)
print(pow(2, 10**5, 10**9 + 7), (2**521 - 1) % 1000000007)
