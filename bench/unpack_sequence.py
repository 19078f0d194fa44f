"""Tuple and list packing/unpacking (after pyperformance's unpack_sequence)."""
import sys


def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += a + j
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += b + i
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += c + h
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += d + g
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += e + f
    return s


def swaps(loops):
    x, y, z = 1, 2, 3
    for k in range(loops):
        x, y = y, x
        y, z = z, y + k % 5
        x, y, z = z, x, y
    return x, y, z


def starred(loops, seq):
    t = 0
    for _ in range(loops):
        first, *middle, last = seq
        t += first + last + len(middle)
    return t


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
    print("tuple", do_unpacking(n, tuple(range(10))))
    print("list", do_unpacking(n, list(range(10, 20))))
    print("swaps", swaps(n))
    print("starred", starred(n // 4, [3, 1, 4, 1, 5, 9, 2, 6]))


main()
