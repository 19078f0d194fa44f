//! The `math` module, following CPython's mathmodule.c: the same libm functions,
//! the same domain/range error rules, exact `fsum` and the scaled `hypot`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::builtins::signature::{Sig, Style};
use crate::compiler::bytecode::BinOp;
use crate::ffi::libm::{
    acosh, asinh, atanh, c_frexp, cbrt, erf, erfc, ldexp, log, log2, log10, nextafter, remainder,
};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("math", init);
}

fn set(vm: &mut Vm, d: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

macro_rules! unary {
    ($vm:expr, $d:expr, $name:literal, $f:expr, $overflow:expr) => {
        $vm.add_fn($d, $name, |vm, a| {
            let x = arg_f(vm, a, $name)?;
            math_1(vm, x, $f, $overflow)
        });
    };
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("math");
    let d = vm.module_dict(m);
    set(vm, d, "pi", Value::float(std::f64::consts::PI));
    set(vm, d, "e", Value::float(std::f64::consts::E));
    set(vm, d, "tau", Value::float(std::f64::consts::TAU));
    set(vm, d, "inf", Value::float(f64::INFINITY));
    set(vm, d, "nan", Value::float(f64::NAN));
    unary!(vm, d, "sqrt", f64::sqrt, false);
    unary!(vm, d, "exp", f64::exp, true);
    unary!(vm, d, "expm1", f64::exp_m1, true);
    unary!(vm, d, "sin", f64::sin, false);
    unary!(vm, d, "cos", f64::cos, false);
    unary!(vm, d, "tan", f64::tan, false);
    unary!(vm, d, "asin", f64::asin, false);
    unary!(vm, d, "acos", f64::acos, false);
    unary!(vm, d, "atan", f64::atan, false);
    unary!(vm, d, "sinh", f64::sinh, true);
    unary!(vm, d, "cosh", f64::cosh, true);
    unary!(vm, d, "tanh", f64::tanh, false);
    unary!(vm, d, "asinh", |x| asinh(x), false);
    unary!(vm, d, "acosh", |x| acosh(x), false);
    unary!(vm, d, "atanh", |x| atanh(x), false);
    unary!(vm, d, "erf", |x| erf(x), false);
    unary!(vm, d, "erfc", |x| erfc(x), false);
    unary!(vm, d, "cbrt", |x| cbrt(x), false);
    unary!(vm, d, "fabs", f64::abs, false);
    unary!(vm, d, "log1p", f64::ln_1p, false);
    vm.add_fn(d, "gamma", |vm, a| {
        let x = arg_f(vm, a, "gamma")?;
        math_1a(vm, m_tgamma(x))
    });
    vm.add_fn(d, "lgamma", |vm, a| {
        let x = arg_f(vm, a, "lgamma")?;
        math_1a(vm, m_lgamma(x))
    });
    vm.add_fn(d, "log", math_log);
    vm.add_fn(d, "log2", |vm, a| {
        let x0 = one(vm, &a, "log2")?;
        let r = loghelper(vm, x0, |x| log2(x))?;
        Ok(Value::float(r))
    });
    vm.add_fn(d, "log10", |vm, a| {
        let x0 = one(vm, &a, "log10")?;
        let r = loghelper(vm, x0, |x| log10(x))?;
        Ok(Value::float(r))
    });
    vm.add_fn(d, "atan2", |vm, a| {
        let (y, x) = two_f(vm, a, "atan2")?;
        Ok(Value::float(y.atan2(x)))
    });
    vm.add_fn(d, "copysign", |vm, a| {
        let (x, y) = two_f(vm, a, "copysign")?;
        Ok(Value::float(x.copysign(y)))
    });
    vm.add_fn(d, "fmod", |vm, a| {
        let (x, y) = two_f(vm, a, "fmod")?;
        if y.is_infinite() && x.is_finite() {
            return Ok(Value::float(x));
        }
        let r = x % y;
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain(vm));
        }
        Ok(Value::float(r))
    });
    vm.add_fn(d, "remainder", |vm, a| {
        let (x, y) = two_f(vm, a, "remainder")?;
        if x.is_nan() || y.is_nan() {
            return Ok(Value::float(f64::NAN));
        }
        if x.is_infinite() || y == 0.0 {
            return Err(domain(vm));
        }
        if y.is_infinite() {
            return Ok(Value::float(x));
        }
        Ok(Value::float(remainder(x, y)))
    });
    vm.add_fn(d, "pow", |vm, a| {
        let (x, y) = two_f(vm, a, "pow")?;
        let r = x.powf(y);
        if x.is_finite() && y.is_finite() {
            if r.is_nan() {
                return Err(domain(vm));
            }
            if r.is_infinite() {
                if x == 0.0 {
                    return Err(domain(vm));
                }
                return Err(range(vm));
            }
        }
        Ok(Value::float(r))
    });
    vm.add_fn(d, "modf", |vm, a| {
        let x = arg_f(vm, a, "modf")?;
        let (f, i) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else if x.is_nan() {
            (x, x)
        } else {
            let i = x.trunc();
            ((x - i).copysign(x), i)
        };
        Ok(vm.new_tuple(vec![Value::float(f), Value::float(i)]))
    });
    vm.add_fn(d, "frexp", |vm, a| {
        let x = arg_f(vm, a, "frexp")?;
        let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
            (x, 0)
        } else {
            c_frexp(x)
        };
        Ok(vm.new_tuple(vec![Value::float(m), Value::small_int(e as i64)]))
    });
    vm.add_fn(d, "ldexp", |vm, a| {
        let (x0, x1) = two(vm, &a, "ldexp")?;
        let x = to_f(vm, x0)?;
        let Some(i) = vm.to_bigint(x1) else {
            return Err(vm.type_error("Expected an int as second argument to ldexp."));
        };
        if x == 0.0 || !x.is_finite() {
            return Ok(Value::float(x));
        }
        let e = i
            .to_i64()
            .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
        let r = if e > i32::MAX as i64 {
            f64::INFINITY.copysign(x)
        } else if e < i32::MIN as i64 {
            0.0f64.copysign(x)
        } else {
            ldexp(x, e as i32)
        };
        if r.is_infinite() {
            return Err(range(vm));
        }
        Ok(Value::float(r))
    });
    vm.add_fn(d, "degrees", |vm, a| {
        let x = arg_f(vm, a, "degrees")?;
        Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
    });
    vm.add_fn(d, "radians", |vm, a| {
        let x = arg_f(vm, a, "radians")?;
        Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
    });
    vm.add_fn(d, "isnan", |vm, a| {
        Ok(Value::bool(arg_f(vm, a, "isnan")?.is_nan()))
    });
    vm.add_fn(d, "isinf", |vm, a| {
        Ok(Value::bool(arg_f(vm, a, "isinf")?.is_infinite()))
    });
    vm.add_fn(d, "isfinite", |vm, a| {
        Ok(Value::bool(arg_f(vm, a, "isfinite")?.is_finite()))
    });
    vm.add_fn(d, "isclose", isclose);
    vm.add_fn(d, "nextafter", |vm, a| {
        let (x, y) = two_f(vm, a, "nextafter")?;
        Ok(Value::float(nextafter(x, y)))
    });
    vm.add_fn(d, "ulp", |vm, a| {
        let x = arg_f(vm, a, "ulp")?;
        if x.is_nan() {
            return Ok(Value::float(x));
        }
        let x = x.abs();
        if x.is_infinite() {
            return Ok(Value::float(x));
        }
        let x2 = nextafter(x, f64::INFINITY);
        if x2.is_infinite() {
            let x2 = nextafter(x, -f64::INFINITY);
            return Ok(Value::float(x - x2));
        }
        Ok(Value::float(x2 - x))
    });
    vm.add_fn(d, "floor", |vm, a| {
        round_op(vm, a, "floor", "__floor__", f64::floor)
    });
    vm.add_fn(d, "ceil", |vm, a| {
        round_op(vm, a, "ceil", "__ceil__", f64::ceil)
    });
    vm.add_fn(d, "trunc", |vm, a| {
        let v = one(vm, &a, "trunc")?;
        if v.is_float() {
            return float_to_int(vm, v.as_float().trunc());
        }
        if vm.is_intlike(v) {
            let b = vm.to_bigint(v).unwrap_or_default();
            return Ok(vm.new_bigint(b));
        }
        if let Some(r) = vm.call_dunder(v, "__trunc__", &[])? {
            return Ok(r);
        }
        Err(vm.type_error(&format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        )))
    });
    vm.add_fn(d, "hypot", |vm, a| {
        let xs = varargs(vm, &a, "hypot")?;
        let mut v = Vec::with_capacity(xs.len());
        for x in xs {
            v.push(to_f(vm, *x)?.abs());
        }
        Ok(Value::float(norm(&mut v)))
    });
    vm.add_fn(d, "dist", dist);
    vm.add_fn(d, "fsum", fsum);
    vm.add_fn(d, "prod", prod);
    vm.add_fn(d, "gcd", |vm, a| {
        let xs = varargs(vm, &a, "gcd")?;
        let mut g = BigInt::zero();
        for x in xs {
            let x = int_arg(vm, *x)?;
            g = g.gcd(&x);
        }
        Ok(vm.new_bigint(g))
    });
    vm.add_fn(d, "lcm", |vm, a| {
        let xs = varargs(vm, &a, "lcm")?;
        let mut l = BigInt::one();
        for x in xs {
            let x = int_arg(vm, *x)?;
            if l.is_zero() || x.is_zero() {
                l = BigInt::zero();
                continue;
            }
            l = l.lcm(&x);
        }
        Ok(vm.new_bigint(l.abs()))
    });
    vm.add_fn(d, "factorial", |vm, a| {
        let x0 = one(vm, &a, "factorial")?;
        let n = int_arg(vm, x0)?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let Some(n) = n.to_u64() else {
            return Err(
                vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
            );
        };
        Ok(vm.new_bigint(product_range(1, n)))
    });
    vm.add_fn(d, "comb", |vm, a| {
        let (x0, x1) = two(vm, &a, "comb")?;
        let n = int_arg(vm, x0)?;
        let k = int_arg(vm, x1)?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::small_int(0));
        }
        let k = std::cmp::min(k.clone(), &n - &k);
        let Some(k) = k.to_u64() else {
            return Err(vm.overflow_error(&format!("min(n - k, k) must not exceed {}", i64::MAX)));
        };
        let mut r = BigInt::one();
        for i in 0..k {
            r = r * (&n - BigInt::from(i)) / BigInt::from(i + 1);
        }
        Ok(vm.new_bigint(r))
    });
    vm.add_fn(d, "perm", |vm, a| {
        /// `math.perm(n, k=None, /)`
        const PERM: Sig<2> = Sig::new("perm", ["n", "k"]).required(1).owner("math");
        let b = PERM.bind(vm, &a)?;
        let n = int_arg(vm, b.req(0))?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        let k = match b.opt(1) {
            Some(k) => int_arg(vm, k)?,
            None => n.clone(),
        };
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::small_int(0));
        }
        let Some(kk) = k.to_u64() else {
            return Err(vm.overflow_error(&format!("k must not exceed {}", i64::MAX)));
        };
        let mut r = BigInt::one();
        for i in 0..kk {
            r *= &n - BigInt::from(i);
        }
        Ok(vm.new_bigint(r))
    });
    vm.add_fn(d, "isqrt", |vm, a| {
        let x0 = one(vm, &a, "isqrt")?;
        let n = int_arg(vm, x0)?;
        if n.is_negative() {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        Ok(vm.new_bigint(n.sqrt()))
    });
    Ok(m)
}

/// The arity of a math function of `n` (1 or 2) positional-only arguments:
/// `math.sqrt() takes exactly one argument (0 given)`, `atan2 expected 2
/// arguments, got 1`, `math.atan2() takes no keyword arguments`.
/// The argument of a math function of one positional argument.
fn one(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<Value> {
    let sig = Sig::new(name, ["x"]).owner("math");
    Ok(sig.bind(vm, a)?.req(0))
}

/// The arguments of a math function of two positional arguments.
fn two(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<(Value, Value)> {
    let sig = Sig::new(name, ["x", "y"]).owner("math");
    let b = sig.bind(vm, a)?;
    Ok((b.req(0), b.req(1)))
}

/// The arguments of a math function of any number of positional arguments
/// (`hypot`, `gcd`, `lcm`).
fn varargs<'a>(vm: &mut Vm, a: &Args<'a>, name: &'static str) -> PyResult<&'a [Value]> {
    let sig = Sig::new(name, []).varargs().owner("math");
    Ok(sig.bind(vm, a)?.rest)
}

fn domain(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("math range error")
}

/// A float argument (ints, and objects with __float__ / __index__).
pub fn to_f(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if v.is_small_int() {
        return Ok(v.as_small_int() as f64);
    }
    if let Some(b) = vm.to_bigint(v) {
        return vm.int_to_float(&b);
    }
    if let Some(ObjData::Instance(_)) = v.as_obj().map(|o| &o.data) {
        if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
            if r.is_float() {
                return Ok(r.as_float());
            }
            return Err(vm.type_error(&format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(r)
            )));
        }
        if let Some(r) = vm.call_dunder(v, "__index__", &[])?
            && let Some(b) = vm.to_bigint(r)
        {
            return vm.int_to_float(&b);
        }
    }
    Err(vm.type_error(&format!("must be real number, not {}", vm.type_name(v))))
}

fn arg_f(vm: &mut Vm, a: Args, name: &'static str) -> PyResult<f64> {
    let x0 = one(vm, &a, name)?;
    to_f(vm, x0)
}

fn two_f(vm: &mut Vm, a: Args, name: &'static str) -> PyResult<(f64, f64)> {
    let (x0, x1) = two(vm, &a, name)?;
    Ok((to_f(vm, x0)?, to_f(vm, x1)?))
}

fn math_1(vm: &mut Vm, x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::float(r))
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(b) = vm.to_bigint(v) {
        return Ok(b);
    }
    if !v.is_float()
        && let Some(r) = vm.call_dunder(v, "__index__", &[])?
        && let Some(b) = vm.to_bigint(r)
    {
        return Ok(b);
    }
    Err(vm.type_error(&format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 1e15 {
        return Ok(vm.new_int(f as i64));
    }
    Ok(vm.new_bigint(BigInt::from_f64(f).unwrap_or_default()))
}

fn round_op(
    vm: &mut Vm,
    a: Args,
    name: &'static str,
    dunder: &'static str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one(vm, &a, name)?;
    if v.is_float() {
        return float_to_int(vm, f(v.as_float()));
    }
    if vm.is_intlike(v) {
        let b = vm.to_bigint(v).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    if let Some(r) = vm.call_dunder(v, dunder, &[])? {
        return Ok(r);
    }
    let x = to_f(vm, v)?;
    float_to_int(vm, f(x))
}

/// log of an int or float, with CPython's handling of huge ints.
fn loghelper(vm: &mut Vm, v: Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if vm.is_intlike(v) {
        let b = vm.to_bigint(v).unwrap_or_default();
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if let Some(x) = b.to_f64()
            && x.is_finite()
        {
            return Ok(func(x));
        }
        let bits = b.bits();
        let shift = bits - 60;
        let top: BigInt = &b >> shift;
        let m = top.to_f64().unwrap_or(0.0) * 2f64.powi(-60);
        let e = (shift + 60) as f64;
        return Ok(func(m) + func(2.0) * e);
    }
    let x = to_f(vm, v)?;
    if x.is_finite() {
        if x > 0.0 {
            return Ok(func(x));
        }
        return Err(domain(vm));
    }
    if x.is_nan() || x > 0.0 {
        return Ok(x);
    }
    Err(domain(vm))
}

fn math_log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `math.log(x, [base=math.e])`: an optional group, not a default
    const LOG: Sig<2> = Sig::new("log", ["x", "base"])
        .required(0)
        .varargs()
        .style(Style::Tuple);
    if !a.kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    let b = LOG.bind(vm, &a)?;
    let (Some(x), true) = (b.get(0), b.rest.is_empty()) else {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    };
    let base = b.get(1);
    let num = loghelper(vm, x, |x| log(x))?;
    if let Some(b) = base {
        let den = loghelper(vm, b, |x| log(x))?;
        if den == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(Value::float(num / den));
    }
    Ok(Value::float(num))
}

/// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`
const ISCLOSE: Sig<4> = Sig::new("isclose", ["a", "b", "rel_tol", "abs_tol"])
    .posonly(0)
    .kwonly(2)
    .required(2);

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ISCLOSE.bind(vm, &a)?;
    let x = to_f(vm, b.req(0))?;
    let y = to_f(vm, b.req(1))?;
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
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs_tol,
    ))
}

/// CPython's vector_norm: an accurately rounded sqrt of the sum of squares.
pub(crate) fn norm(v: &mut [f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for x in v.iter() {
        found_nan |= x.is_nan();
        if *x > max {
            max = *x;
        }
    }
    vector_norm(v, max, found_nan)
}

fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    let n = vec.len();
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    let (_, max_e) = c_frexp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for x in vec.iter() {
        let x = x * scale;
        let (phi, plo) = dl_mul(x, x);
        let (shi, slo) = dl_fast_sum(csum, phi);
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = dl_mul(-h, h);
    let (shi, slo) = dl_fast_sum(csum, phi);
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let y = (a - x) + b;
    (x, y)
}

fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    let zz = x.mul_add(y, -z);
    (z, zz)
}

fn dist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x0, x1) = two(vm, &a, "dist")?;
    let p = vm.collect_iter(x0)?;
    let q = vm.collect_iter(x1)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(q.iter()) {
        let x = to_f(vm, *x)?;
        let y = to_f(vm, *y)?;
        v.push((x - y).abs());
    }
    Ok(Value::float(norm(&mut v)))
}

fn fsum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x0 = one(vm, &a, "fsum")?;
    let it = vm.iter(x0)?;
    vm.temp_roots.push(it);
    let r = fsum_inner(vm, it);
    vm.temp_roots.pop();
    r
}

fn fsum_inner(vm: &mut Vm, it: Value) -> PyResult<Value> {
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(it)? {
        let mut x = to_f(vm, item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

/// `math.prod(iterable, /, *, start=1)`
const PROD: Sig<2> = Sig::new("prod", ["iterable", "start"])
    .posonly(1)
    .kwonly(1)
    .required(1);

fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = PROD.bind(vm, &a)?;
    let mut acc = b.get(1).unwrap_or(Value::small_int(1));
    let it = vm.iter(b.req(0))?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.next(it)? {
            vm.temp_roots.push(acc);
            acc = vm.binary_op(BinOp::Mul, acc, x)?;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    r
}

/// The product lo * (lo+1) * ... * hi by binary splitting.
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..=hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

/// A libm-style result: the value and an errno (0, EDOM or ERANGE).
const EDOM: i32 = 33;
const ERANGE: i32 = 34;

fn math_1a(vm: &mut Vm, (r, errno): (f64, i32)) -> PyResult<Value> {
    match errno {
        EDOM => Err(domain(vm)),
        ERANGE if r.abs() >= 1.5 => Err(range(vm)),
        _ => Ok(Value::float(r)),
    }
}

const LANCZOS_N: usize = 13;
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn m_tgamma(x: f64) -> (f64, i32) {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, 0);
        }
        return (f64::NAN, EDOM);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), EDOM);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, EDOM);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], 0);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { ERANGE } else { 0 });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / m_sinpi(x), 0);
        }
        return (f64::INFINITY, ERANGE);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, if r.is_infinite() { ERANGE } else { 0 })
}

fn m_lgamma(x: f64) -> (f64, i32) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, 0);
        }
        return (f64::INFINITY, 0);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, EDOM);
        }
        return (0.0, 0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), 0);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        let logpi = 1.144_729_885_849_400_2_f64;
        r = logpi - m_sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (r, if r.is_infinite() { ERANGE } else { 0 })
}
