# random: randrange/randint over ranges past 64 bits, version-1 str/bytes seeds,
# pickling a Random, setstate's checks, CPython's _randbelow choice for
# subclasses overriding random() or getrandbits()
import pickle
import random
import warnings

r = random.Random(12345)
print(r.randrange(10 ** 25), r.randrange(-(1 << 100), 1 << 100), r.randint(2 ** 70, 2 ** 71))
print(r.randrange(0, 10 ** 30, 7) % 7, r.choice(range(10 ** 18)))
for seed in ("hello", b"hello", ""):
    r.seed(seed, version=1)
    print(repr(seed), r.random())
r.seed(7)
s = pickle.loads(pickle.dumps(r))
print([r.random() for _ in range(2)] == [s.random() for _ in range(2)], type(s).__name__)
print(r.__reduce__()[0].__name__, r.__reduce__()[1], len(r.__getstate__()))
for bad in [(2, None, None), (2, (1, 2, 3), None), (2, ('a',) * 625, None),
            (3, (1,) * 624 + (1.5,), None), (3, (1.5,) * 625, None)]:
    try:
        r.setstate(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
r.seed(3)
print(r._randbelow_without_getrandbits(1000), r._randbelow_with_getrandbits(1000))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(r.randrange(10.0), r.randrange(2, 12.0), len(w), w[0].category.__name__)
    try:
        r.randrange(1.5)
    except ValueError as e:
        print(e, len(w))
called = []


class OwnRandom(random.Random):
    def random(self):
        called.append('random')
        return super().random()


class OwnBits(OwnRandom):
    def getrandbits(self, k):
        called.append('getrandbits')
        return super().getrandbits(k)


OwnRandom(1).randrange(42)
print(called)
called.clear()
OwnBits(1).randrange(42)
print(called)
print(hasattr(random, '_urandom'))
try:
    r.seed([1])
except TypeError as e:
    print(e)
