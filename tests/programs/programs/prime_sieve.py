def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i, v in enumerate(is_prime) if v]

primes = sieve(10000)
print(len(primes), primes[:20], primes[-5:])
print(sum(primes))

def factorize(n, primes):
    factors = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors.append(p)
            n //= p
    if n > 1:
        factors.append(n)
    return factors

for n in [2, 12, 97, 360, 1001, 65536, 999999, 123456789]:
    print(n, factorize(n, primes))

twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print(len(twins), twins[:8])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:10])
pset = set(primes)
def goldbach(n):
    for p in primes:
        if n - p in pset:
            return p, n - p
print([goldbach(n) for n in range(4, 40, 2)])
def segmented_count(lo, hi):
    mark = [True] * (hi - lo)
    for p in primes:
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            mark[m - lo] = False
    return sum(mark)
print(segmented_count(10000, 20000), len(sieve(20000)) - len(primes))
