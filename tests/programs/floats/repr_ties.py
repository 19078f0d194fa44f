# repr of floats whose shortest forms tie (e.g. 93162508240152.125): CPython picks
# the correctly rounded one, ties to even
import random
random.seed(7)
print(93162508240152.125, -93162508240152.125, 0.125, 2.5, 1e22 + 2**20)
out = []
for i in range(3000):
    k = random.random()
    if k < 0.5:
        f = random.randint(0, 10**17) / 8
    else:
        f = random.randint(1, 2**53) * 2.0 ** random.randint(-60, 60)
    out.append(repr(f))
print("\n".join(out))
