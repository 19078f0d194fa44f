//! Constructors and methods of the built-in `numbers` types.

use crate::vm::Vm;

pub fn register(_vm: &mut Vm) {}

/// `round(f, n)` for floats: correctly rounded to `n` decimal digits (half-even on
/// the exact decimal value, as CPython does via its dtoa).
pub fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 308 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    // Format with n digits after the point using exact decimal conversion, which
    // rounds half-even on the true binary value.
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        s.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = (f / p).round_ties_even() * p;
        if y.is_finite() { y } else { f }
    }
}
