/* Spectral norm: C version matching bench/spectral_norm.py output exactly. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double eval_A(long i, long j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void eval_A_times_u(long n, const double *u, double *out) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += eval_A(i, j) * u[j];
        out[i] = s;
    }
}

static void eval_At_times_u(long n, const double *u, double *out) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += eval_A(j, i) * u[j];
        out[i] = s;
    }
}

static void eval_AtA_times_u(long n, const double *u, double *out, double *tmp) {
    eval_A_times_u(n, u, tmp);
    eval_At_times_u(n, tmp, out);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 500;
    double *u = malloc(n * sizeof(double));
    double *v = malloc(n * sizeof(double));
    double *tmp = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) u[i] = v[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        eval_AtA_times_u(n, u, v, tmp);
        eval_AtA_times_u(n, v, u, tmp);
    }
    double vBv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) {
        vBv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    printf("%.9f\n", sqrt(vBv / vv));
    free(u); free(v); free(tmp);
    return 0;
}
