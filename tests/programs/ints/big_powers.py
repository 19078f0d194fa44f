print(2 ** 64, 2 ** 63 - 1, -2 ** 63)
print(2 ** 200)
print(3 ** 100)
print((-3) ** 33)
print(10 ** 30 + 1)
print(7 ** 77 % 1000000007)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b)
print(a + b, a - b, b - a)
print(a * -b)
print(b // a, b % a)
print((a * b) // b == a)
print(2 ** 1000 // 3 ** 500)
print(-(2 ** 100) + 2 ** 100, 0 * 2 ** 500)
big = 1
for i in range(1, 40):
    big = big * 31 + i
print(big)
print(big.bit_length(), (-big).bit_length())
x = 2 ** 64
print(x - 1, x + 1, x * x, x // 7, x % 7)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 4611686018427387904 * -2)
print(abs(-2 ** 70), -(-2 ** 70))
