# `random.random()` and `random.getrandbits(k)` (the module's functions,
# methods bound to its generator) called from traces by a helper: the
# generator reseeded mid-loop, a negative count (ValueError from the native,
# which the interpreter raises again) and the function rebound.
import random


def run(n):
    random.seed(3)
    t = 0.0
    bits = 0
    errors = 0
    rnd = random.random
    for i in range(n):
        t += rnd()
        k = i % 20 + 1 if i % 101 != 100 else -1
        try:
            bits += random.getrandbits(k)
        except ValueError as e:
            errors += 1
            msg = str(e)
        if i == n // 2:
            random.seed(9)
        if i == 2 * n // 3:
            rnd = lambda: 0.5
    return round(t, 9), bits, errors, msg


print(run(3000))
