"""Mandelbrot set: escape-time iteration over a size x size grid."""
import sys


def mandelbrot(size, max_iter):
    total = 0
    inside = 0
    rows = []
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row_sum = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            if i == max_iter:
                inside += 1
            row_sum += i
        total += row_sum
        rows.append(row_sum)
    return total, inside, rows


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    total, inside, rows = mandelbrot(size, 50)
    print("total", total)
    print("inside", inside)
    h = 0
    for r in rows:
        h = (h * 1000003 + r) % 4294967296
    print("rows", h)


main()
