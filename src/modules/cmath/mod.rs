//! The `cmath` module, with CPython's algorithms (Kahan's branch cuts, the
//! rescalings that keep tiny and huge arguments accurate) so finite arguments give
//! CPython's results, and CPython's answers for infinite and NaN parts (`tables`).
//! Errors as CPython's: ValueError "math domain error", OverflowError "math range
//! error".

mod tables;

use std::f64::consts::{LN_2, LN_10, PI};

use crate::builtins::signature::Sig;
use crate::ffi::libm::asinh;
use crate::modules::math::to_f;
use crate::value::Value;
use crate::vm::complex::{C, c_abs, c_quot};
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("cmath", init);
}

/// How a cmath function can fail (C's errno).
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

type R = (C, Errno);

const LARGE: f64 = f64::MAX / 4.0;
const MIN_NORMAL: f64 = f64::MIN_POSITIVE;
const MANT_DIG: i32 = 53;

fn large_log() -> f64 {
    LARGE.ln()
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn log1p(x: f64) -> f64 {
    x.ln_1p()
}

/// The table index of a float: -inf, negative, -0, +0, positive, +inf, NaN.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 { 5 } else { 0 }
    } else if d != 0.0 {
        if d > 0.0 { 4 } else { 1 }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

fn special(name: &str, z: C) -> C {
    let f = tables::FUNCS.iter().position(|n| *n == name).unwrap_or(0);
    tables::TABLE[f][class(z.0)][class(z.1)]
}

fn finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn ok(z: C) -> R {
    (z, Errno::Ok)
}

/// ERANGE when a part overflowed.
fn ranged(z: C) -> R {
    let e = if z.0.is_infinite() || z.1.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (z, e)
}

fn c_sqrt(z: C) -> C {
    if !finite(z) {
        return special("sqrt", z);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < MIN_NORMAL && ay < MIN_NORMAL {
        // hypot of subnormals would lose precision: scale up first
        ax = ldexp(ax, MANT_DIG);
        ldexp(
            (ax + ax.hypot(ldexp(ay, MANT_DIG))).sqrt(),
            -(MANT_DIG + 1) / 2,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    }
}

fn c_exp(z: C) -> R {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (
                    f64::INFINITY.copysign(z.1.cos()),
                    f64::INFINITY.copysign(z.1.sin()),
                )
            } else {
                (0f64.copysign(z.1.cos()), 0f64.copysign(z.1.sin()))
            }
        } else {
            special("exp", z)
        };
        let dom = z.1.is_infinite() && (z.0.is_finite() || z.0 == f64::INFINITY);
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.0 > large_log() {
        let l = (z.0 - 1.0).exp();
        (
            l * z.1.cos() * std::f64::consts::E,
            l * z.1.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    ranged(r)
}

fn c_log(z: C) -> R {
    if !finite(z) {
        return ok(special("log", z));
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < MIN_NORMAL && ay < MIN_NORMAL {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN_2
        } else {
            return ((f64::NEG_INFINITY, z.1.atan2(z.0)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ok((re, z.1.atan2(z.0)))
}

fn c_cosh(z: C) -> R {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(z.1.cos()),
                f64::INFINITY.copysign(z.1.sin()),
            );
            if z.0 > 0.0 { (c, s) } else { (c, -s) }
        } else {
            special("cosh", z)
        };
        let dom = z.1.is_infinite() && !z.0.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.0.abs() > large_log() {
        let x1 = z.0 - 1f64.copysign(z.0);
        let e = std::f64::consts::E;
        (z.1.cos() * x1.cosh() * e, z.1.sin() * x1.sinh() * e)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    ranged(r)
}

fn c_sinh(z: C) -> R {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(z.1.cos()),
                f64::INFINITY.copysign(z.1.sin()),
            );
            if z.0 > 0.0 { (c, s) } else { (-c, s) }
        } else {
            special("sinh", z)
        };
        let dom = z.1.is_infinite() && !z.0.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.0.abs() > large_log() {
        let x1 = z.0 - 1f64.copysign(z.0);
        let e = std::f64::consts::E;
        (z.1.cos() * x1.sinh() * e, z.1.sin() * x1.cosh() * e)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    ranged(r)
}

fn c_tanh(z: C) -> R {
    if !finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (1f64.copysign(z.0), im)
        } else {
            special("tanh", z)
        };
        let dom = z.1.is_infinite() && z.0.is_finite();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    if z.0.abs() > large_log() {
        let im = 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp();
        return ok((1f64.copysign(z.0), im));
    }
    let (tx, ty) = (z.0.tanh(), z.1.tan());
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn c_asinh(z: C) -> C {
    if !finite(z) {
        return special("asinh", z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        return (re, z.1.atan2(z.0.abs()));
    }
    let s1 = c_sqrt((1.0 + z.1, -z.0));
    let s2 = c_sqrt((1.0 - z.1, z.0));
    let re = asinh(s1.0 * s2.1 - s2.0 * s1.1);
    (re, z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1))
}

fn c_acos(z: C) -> C {
    if !finite(z) {
        return special("acos", z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let im = if z.0 < 0.0 {
            -l.copysign(z.1)
        } else {
            l.copysign(-z.1)
        };
        return (z.1.abs().atan2(z.0), im);
    }
    let s1 = c_sqrt((1.0 - z.0, -z.1));
    let s2 = c_sqrt((1.0 + z.0, z.1));
    let im = asinh(s2.0 * s1.1 - s2.1 * s1.0);
    (2.0 * s1.0.atan2(s2.0), im)
}

fn c_acosh(z: C) -> C {
    if !finite(z) {
        return special("acosh", z);
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        return (re, z.1.atan2(z.0));
    }
    let s1 = c_sqrt((z.0 - 1.0, z.1));
    let s2 = c_sqrt((z.0 + 1.0, z.1));
    let re = asinh(s1.0 * s2.0 + s1.1 * s2.1);
    (re, 2.0 * s1.1.atan2(s2.0))
}

fn c_atanh(z: C) -> R {
    if !finite(z) {
        return ok(special("atanh", z));
    }
    if z.0 < 0.0 {
        // atanh(z) = -atanh(-z)
        let (r, e) = c_atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        // atanh(z) ~ 1/z +/- i*pi/2 for large z
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ok((z.0 / 4.0 / h / h, -(PI / 2.0).copysign(-z.1)));
    }
    if z.0 == 1.0 && ay < MIN_NORMAL.sqrt() {
        if ay == 0.0 {
            return ((f64::INFINITY, z.1), Errno::Dom);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return ok((re, (2f64.atan2(-ay) / 2.0).copysign(z.1)));
    }
    let re = log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
    let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ok((re, im))
}

/// Multiplication by i and by -i, for the trigonometric functions through the
/// hyperbolic ones.
fn times_i(z: C) -> C {
    (-z.1, z.0)
}

fn times_neg_i(z: C) -> C {
    (z.1, -z.0)
}

fn c_rect(r: f64, phi: f64) -> R {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(phi.cos()),
                f64::INFINITY.copysign(phi.sin()),
            );
            if r > 0.0 { (c, s) } else { (-c, -s) }
        } else {
            special("rect", (r, phi))
        };
        let dom = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if dom { Errno::Dom } else { Errno::Ok });
    }
    if phi == 0.0 {
        return ok((r, r * phi));
    }
    ok((r * phi.cos(), r * phi.sin()))
}

/// CPython's atan2 for `phase` and `polar`, explicit about infinities and NaNs.
fn c_atan2(z: C) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return f64::NAN;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            let q = if z.0 > 0.0 { 0.25 } else { 0.75 };
            return (q * PI).copysign(z.1);
        }
        return (0.5 * PI).copysign(z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if z.0.is_sign_positive() {
            0f64.copysign(z.1)
        } else {
            PI.copysign(z.1)
        };
    }
    z.1.atan2(z.0)
}

// ---- the module ------------------------------------------------------------------

/// A complex argument: a complex, `__complex__`, or a real number.
fn to_c(vm: &mut Vm, v: Value) -> PyResult<C> {
    if let Some(c) = vm.complex_of(v) {
        return Ok(c);
    }
    if !v.is_float()
        && !vm.is_intlike(v)
        && let Some(r) = vm.call_dunder(v, "__complex__", &[])?
    {
        return match vm.complex_of(r) {
            Some(c) => Ok(c),
            None => {
                let msg = format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(r)
                );
                Err(vm.type_error(&msg))
            }
        };
    }
    Ok((to_f(vm, v)?, 0.0))
}

/// The argument of a cmath function of one positional-only argument `z`:
/// `cmath.sqrt() takes exactly one argument (0 given)`, `cmath.sqrt() takes no
/// keyword arguments`.
fn one_arg(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<C> {
    let sig = Sig::new(name, ["z"]).owner("cmath");
    let z = sig.bind(vm, a)?.req(0);
    to_c(vm, z)
}

fn finish(vm: &mut Vm, (z, e): R) -> PyResult<Value> {
    match e {
        Errno::Dom => Err(vm.value_error("math domain error")),
        Errno::Range => Err(vm.overflow_error("math range error")),
        Errno::Ok => Ok(vm.new_complex(z.0, z.1)),
    }
}

macro_rules! func {
    ($vm:expr, $d:expr, $name:literal, $f:expr) => {
        $vm.add_fn($d, $name, |vm, a| {
            let z = one_arg(vm, &a, $name)?;
            let f: fn(C) -> R = $f;
            finish(vm, f(z))
        });
    };
}

fn set(vm: &mut Vm, d: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("cmath");
    let d = vm.module_dict(m);
    set(vm, d, "pi", Value::float(PI));
    set(vm, d, "e", Value::float(std::f64::consts::E));
    set(vm, d, "tau", Value::float(std::f64::consts::TAU));
    set(vm, d, "inf", Value::float(f64::INFINITY));
    set(vm, d, "nan", Value::float(f64::NAN));
    let infj = vm.new_complex(0.0, f64::INFINITY);
    set(vm, d, "infj", infj);
    let nanj = vm.new_complex(0.0, f64::NAN);
    set(vm, d, "nanj", nanj);
    func!(vm, d, "sqrt", |z| ok(c_sqrt(z)));
    func!(vm, d, "exp", c_exp);
    func!(vm, d, "log10", |z| {
        let (r, e) = c_log(z);
        ((r.0 / LN_10, r.1 / LN_10), e)
    });
    func!(vm, d, "cosh", c_cosh);
    func!(vm, d, "sinh", c_sinh);
    func!(vm, d, "tanh", c_tanh);
    func!(vm, d, "cos", |z| c_cosh(times_i(z)));
    func!(vm, d, "sin", |z| {
        let (s, e) = c_sinh(times_i(z));
        (times_neg_i(s), e)
    });
    func!(vm, d, "tan", |z| {
        let (s, e) = c_tanh(times_i(z));
        (times_neg_i(s), e)
    });
    func!(vm, d, "acos", |z| ok(c_acos(z)));
    func!(vm, d, "acosh", |z| ok(c_acosh(z)));
    func!(vm, d, "asinh", |z| ok(c_asinh(z)));
    func!(vm, d, "asin", |z| ok(times_neg_i(c_asinh(times_i(z)))));
    func!(vm, d, "atanh", c_atanh);
    func!(vm, d, "atan", |z| {
        let (s, e) = c_atanh(times_i(z));
        (times_neg_i(s), e)
    });
    vm.add_fn(d, "log", |vm, a| {
        /// `cmath.log(z, base=<unrepresentable>, /)`
        const LOG: Sig<2> = Sig::new("log", ["z", "base"]).required(1).owner("cmath");
        let b = LOG.bind(vm, &a)?;
        let z = to_c(vm, b.req(0))?;
        let base = match b.get(1) {
            Some(b) => Some(to_c(vm, b)?),
            None => None,
        };
        let (mut r, mut e) = c_log(z);
        if let Some(b) = base {
            // (C's errno: the base's logarithm decides, as in CPython)
            let (lb, eb) = c_log(b);
            e = eb;
            match c_quot(r, lb) {
                Some(q) => r = q,
                None => e = Errno::Dom,
            }
        }
        finish(vm, (r, e))
    });
    vm.add_fn(d, "phase", |vm, a| {
        let z = one_arg(vm, &a, "phase")?;
        let phi = c_atan2(z);
        // glibc's atan2 reports an underflow to zero (ERANGE), which CPython
        // raises here
        if phi == 0.0 && z.1 != 0.0 && z.0.is_finite() {
            return Err(vm.overflow_error("math range error"));
        }
        Ok(Value::float(phi))
    });
    vm.add_fn(d, "polar", |vm, a| {
        let z = one_arg(vm, &a, "polar")?;
        let r = c_abs(z);
        if r.is_infinite() && finite(z) {
            return Err(vm.overflow_error("math range error"));
        }
        let phi = c_atan2(z);
        Ok(vm.new_tuple(vec![Value::float(r), Value::float(phi)]))
    });
    vm.add_fn(d, "rect", |vm, a| {
        /// `cmath.rect(r, phi, /)`
        const RECT: Sig<2> = Sig::new("rect", ["r", "phi"]).owner("cmath");
        let b = RECT.bind(vm, &a)?;
        let (r, phi) = (to_f(vm, b.req(0))?, to_f(vm, b.req(1))?);
        finish(vm, c_rect(r, phi))
    });
    vm.add_fn(d, "isfinite", |vm, a| {
        let z = one_arg(vm, &a, "isfinite")?;
        Ok(Value::bool(finite(z)))
    });
    vm.add_fn(d, "isinf", |vm, a| {
        let z = one_arg(vm, &a, "isinf")?;
        Ok(Value::bool(z.0.is_infinite() || z.1.is_infinite()))
    });
    vm.add_fn(d, "isnan", |vm, a| {
        let z = one_arg(vm, &a, "isnan")?;
        Ok(Value::bool(z.0.is_nan() || z.1.is_nan()))
    });
    vm.add_fn(d, "isclose", isclose);
    Ok(m)
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`
const ISCLOSE: Sig<4> = Sig::new("isclose", ["a", "b", "rel_tol", "abs_tol"])
    .posonly(0)
    .kwonly(2)
    .required(2);

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ISCLOSE.bind(vm, &a)?;
    let (x, y) = (to_c(vm, b.req(0))?, to_c(vm, b.req(1))?);
    let rel = match b.get(2) {
        Some(v) => to_f(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match b.get(3) {
        Some(v) => to_f(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = c_abs((x.0 - y.0, x.1 - y.1));
    Ok(Value::bool(
        diff <= rel * c_abs(y) || diff <= rel * c_abs(x) || diff <= abs_tol,
    ))
}
