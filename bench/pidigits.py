"""Digits of pi with the unbounded spigot algorithm (big integer arithmetic)."""
import sys


def pi_digits(n):
    """Return the first n decimal digits of pi as a string."""
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = (q * k, (2 * q + r) * x, t * x, k + 1,
                                (q * (7 * k + 2) + r * x) // (t * x), x + 2)
    return "".join(str(d) for d in digits)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    s = pi_digits(n)
    for i in range(0, len(s), 50):
        print(s[i:i + 50])
    print("digit sum", sum(int(c) for c in s))


main()
