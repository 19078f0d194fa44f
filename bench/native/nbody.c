/* N-body: C version matching bench/nbody.py output exactly. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NB 5

typedef struct { double r[3], v[3], m; } body;

static body bodies[NB];

static void init(void) {
    static const double data[NB][7] = {
        {0, 0, 0, 0, 0, 0, 1},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
         9.54791938424326609e-04},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
         2.85885980666130812e-04},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
         4.36624404335156298e-05},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
         5.15138902046611451e-05},
    };
    double solar = SOLAR_MASS;
    for (int i = 0; i < NB; i++) {
        for (int k = 0; k < 3; k++) bodies[i].r[k] = data[i][k];
        if (i == 0) {
            for (int k = 0; k < 3; k++) bodies[i].v[k] = 0.0;
            bodies[i].m = solar;
        } else {
            for (int k = 0; k < 3; k++) bodies[i].v[k] = data[i][3 + k] * DAYS_PER_YEAR;
            bodies[i].m = data[i][6] * solar;
        }
    }
}

static void advance(double dt, long n) {
    for (long s = 0; s < n; s++) {
        for (int i = 0; i < NB - 1; i++) {
            body *b1 = &bodies[i];
            for (int j = i + 1; j < NB; j++) {
                body *b2 = &bodies[j];
                double dx = b1->r[0] - b2->r[0];
                double dy = b1->r[1] - b2->r[1];
                double dz = b1->r[2] - b2->r[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                double b1m = b1->m * mag;
                double b2m = b2->m * mag;
                b1->v[0] -= dx * b2m;
                b1->v[1] -= dy * b2m;
                b1->v[2] -= dz * b2m;
                b2->v[0] += dx * b1m;
                b2->v[1] += dy * b1m;
                b2->v[2] += dz * b1m;
            }
        }
        for (int i = 0; i < NB; i++) {
            body *b = &bodies[i];
            b->r[0] += dt * b->v[0];
            b->r[1] += dt * b->v[1];
            b->r[2] += dt * b->v[2];
        }
    }
}

static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < NB - 1; i++)
        for (int j = i + 1; j < NB; j++) {
            double dx = bodies[i].r[0] - bodies[j].r[0];
            double dy = bodies[i].r[1] - bodies[j].r[1];
            double dz = bodies[i].r[2] - bodies[j].r[2];
            e -= (bodies[i].m * bodies[j].m) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    for (int i = 0; i < NB; i++) {
        double *v = bodies[i].v;
        e += bodies[i].m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0;
    }
    return e;
}

static void offset_momentum(void) {
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NB; i++) {
        px -= bodies[i].v[0] * bodies[i].m;
        py -= bodies[i].v[1] * bodies[i].m;
        pz -= bodies[i].v[2] * bodies[i].m;
    }
    bodies[0].v[0] = px / bodies[0].m;
    bodies[0].v[1] = py / bodies[0].m;
    bodies[0].v[2] = pz / bodies[0].m;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 400000;
    init();
    offset_momentum();
    printf("%.9f\n", energy());
    advance(0.01, n);
    printf("%.9f\n", energy());
    return 0;
}
