/* Fannkuch-redux: C version matching bench/fannkuch.py output exactly. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 9;
    int *count = malloc(n * sizeof(int));
    int *perm1 = malloc(n * sizeof(int));
    int *perm = malloc(n * sizeof(int));
    long max_flips = 0, checksum = 0, permcount = 0;
    int r = n;
    for (int i = 0; i < n; i++) { count[i] = i + 1; perm1[i] = i; }
    for (;;) {
        while (r != 1) { count[r - 1] = r; r--; }
        int k = perm1[0];
        if (k != 0) {
            for (int i = 0; i < n; i++) perm[i] = perm1[i];
            long flips = 0;
            while (k) {
                for (int lo = 0, hi = k; lo < hi; lo++, hi--) {
                    int t = perm[lo]; perm[lo] = perm[hi]; perm[hi] = t;
                }
                flips++;
                k = perm[0];
            }
            if (flips > max_flips) max_flips = flips;
            if (permcount % 2 == 0) checksum += flips; else checksum -= flips;
        }
        for (;;) {
            if (r == n) {
                printf("%ld\nPfannkuchen(%d) = %ld\n", checksum, n, max_flips);
                return 0;
            }
            int first = perm1[0];
            for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = first;
            count[r]--;
            if (count[r] > 0) break;
            r++;
        }
        permcount++;
    }
}
