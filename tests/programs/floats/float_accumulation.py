total = 0.0
for i in range(1, 1001):
    total += 1.0 / i
print(total)
print(sum(1 / (k * k) for k in range(1, 10001)))
pi_est = 0.0
for k in range(1000):
    pi_est += (-1) ** k / (2 * k + 1)
print(pi_est * 4)
x = 1.0
while 1.0 + x != 1.0:
    x /= 2
print(x, x * 2)
vals = [1e16, 1.0, -1e16]
print(sum(vals), sum(sorted(vals)))
c = 0.0
for _ in range(10):
    c += 0.1
print(c, round(c, 10), c == 1.0, abs(c - 1.0) < 1e-12)
r = 1.0
for _ in range(60):
    r = r * 1.1
print(r, f'{r:.6f}', f'{r:.3e}')
print([round(0.1 * i, 2) for i in range(11)])
print([i / 8 for i in range(-4, 5)])
