a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, abs(-a))
print(1.5 + 2, 3 - 0.5, 2 * 0.25, 9 / 3.0, type(2 * 0.5).__name__)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(2.0 ** 0.5, 10.0 ** -2, (-8.0) ** 3, 4 ** 0.5)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
inf = float('inf')
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, inf > 1e308)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 0.0 == -0.0)
total = 0.0
for i in range(10):
    total += 0.1
print(total, sum([0.1] * 10), total == 1.0)
print(3.0 * 1.1, 1e16 + 1, 1e16 + 2, 2**53 + 1.0)
print(float(2**53 + 1), float(-2**63), float(10**20))
print(7.0 // 0.5, 7.0 % 0.5, 7.1 % 1, -7.1 % 1)
x = 5.0
x += 1; x *= 2; x /= 4; x -= 0.5; x **= 2
print(x)
