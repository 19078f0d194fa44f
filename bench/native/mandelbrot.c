/* Mandelbrot escape-time counts: same output as bench/mandelbrot.py for the
   same size (same operation order; every value printed is an integer). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int size = argc > 1 ? atoi(argv[1]) : 600;
    int max_iter = 50;
    long long total = 0, inside = 0;
    long long *rows = calloc(size > 0 ? size : 1, sizeof(long long));
    for (int y = 0; y < size; y++) {
        double ci = 2.0 * y / size - 1.0;
        long long row_sum = 0;
        for (int x = 0; x < size; x++) {
            double cr = 2.0 * x / size - 1.5;
            double zr = 0.0, zi = 0.0;
            int i = 0;
            while (i < max_iter) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                i++;
            }
            if (i == max_iter) inside++;
            row_sum += i;
        }
        total += row_sum;
        rows[y] = row_sum;
    }
    printf("total %lld\n", total);
    printf("inside %lld\n", inside);
    unsigned long long h = 0;
    for (int y = 0; y < size; y++) h = (h * 1000003ULL + (unsigned long long)rows[y]) % 4294967296ULL;
    printf("rows %llu\n", h);
    free(rows);
    return 0;
}
