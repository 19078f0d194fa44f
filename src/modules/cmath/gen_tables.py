"""Regenerates tables.rs: cmath's results where an argument is infinite or NaN.

CPython answers those from 7x7 tables indexed by the class of each part (-inf,
negative, -0, +0, positive, +inf, nan), following C99 Annex G. This samples
python3's cmath at two representatives of each class and writes what it
returns (checking both representatives agree); cases the Rust code computes
itself, or that raise, come out as NaN and are not read.

    python3 src/modules/cmath/gen_tables.py > src/modules/cmath/tables.rs && cargo fmt
"""
import cmath
import math

INF, NAN = math.inf, math.nan
CLASSES = [(-INF, -INF), (-2.5, -0.75), (-0.0, -0.0), (0.0, 0.0), (2.5, 0.75), (INF, INF), (NAN, NAN)]
FUNCS = ["sqrt", "exp", "log", "cosh", "sinh", "tanh", "acos", "acosh", "asinh", "atanh", "rect"]


def sample(name, x, y):
    f = getattr(cmath, name)
    try:
        z = f(x, y) if name == "rect" else f(complex(x, y))
        return (z.real, z.imag)
    except (ValueError, OverflowError):
        return None


NAMED = {math.pi: "P", math.pi / 2: "H", math.pi / 4: "Q", 0.75 * math.pi: "T"}


def lit(v):
    if math.isnan(v):
        return "N"
    if math.isinf(v):
        return "I" if v > 0 else "-I"
    if abs(v) in NAMED:
        return ("-" if v < 0 else "") + NAMED[abs(v)]
    r = repr(v)
    return r if ("." in r or "e" in r) else r + ".0"


def main():
    print("//! cmath's results for infinite and NaN arguments (C99 Annex G), generated")
    print("//! by gen_tables.py from CPython's cmath: `TABLE[f][class(re)][class(im)]`.")
    print("")
    print("use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};")
    print("")
    print("const I: f64 = f64::INFINITY;")
    print("const N: f64 = f64::NAN;")
    print("const P: f64 = PI;")
    print("const H: f64 = FRAC_PI_2;")
    print("const Q: f64 = FRAC_PI_4;")
    print("const T: f64 = 0.75 * PI;")
    print("")
    print("pub const FUNCS: [&str; %d] = [%s];" % (len(FUNCS), ", ".join('"%s"' % f for f in FUNCS)))
    print("")
    print("#[rustfmt::skip]")
    print("pub const TABLE: [[[(f64, f64); 7]; 7]; %d] = [" % len(FUNCS))
    for name in FUNCS:
        print("    // %s" % name)
        print("    [")
        for rx in CLASSES:
            row = []
            for ry in CLASSES:
                results = [sample(name, rx[k], ry[k]) for k in (0, 1)]
                finite = all(math.isfinite(v) for v in (rx[0], ry[0]))
                a, b = results
                if finite or a is None or b is None or repr(a) != repr(b):
                    row.append("(N, N)")
                else:
                    row.append("(%s, %s)" % (lit(a[0]), lit(a[1])))
            print("        [%s]," % ", ".join(row))
        print("    ],")
    print("];")


main()
