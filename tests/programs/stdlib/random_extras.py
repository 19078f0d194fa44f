import random
random.seed(0)
print(random.getrandbits(16), random.getrandbits(1), random.getrandbits(64))
r = random.Random(123)
print([r.randint(1, 6) for _ in range(10)])
print(round(r.gauss(0, 1), 10), round(r.normalvariate(5, 2), 10))
random.seed(7)
print(random.choices([1, 2, 3], k=5))
print(random.choices("abc", weights=[10, 1, 1], k=8))
r1, r2 = random.Random(5), random.Random(5)
print(r1.random() == r2.random(), r1.randrange(100) == r2.randrange(100))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b)
print(round(random.triangular(0, 10, 5), 10), round(random.expovariate(1.5), 10))
