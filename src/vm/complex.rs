//! Complex numbers: a heap object (`ObjData::Complex`) holding two floats, the
//! arithmetic with ints, floats and complexes (CPython's algorithms for division and
//! powers, so results agree to the last bit), and repr and hash as CPython's.
//! The type's methods are in `builtins::complex`; `cmath` in `modules::cmath`.

use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::num::hash_f64;
use crate::vm::{PyResult, Vm};

/// A complex value: (real, imag).
pub type C = (f64, f64);

pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // a NaN in b
        Some((f64::NAN, f64::NAN))
    }
}

pub fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a ** b` for a non-integral exponent; None: zero to a negative or complex power
/// (or a libm domain error, which CPython reports the same way).
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // cos(inf) is a domain error (errno EDOM), which CPython reports as this
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// Repeated squaring for small integral exponents (more exact than `c_pow`).
fn c_powi(x: C, n: i64) -> Option<C> {
    let powu = |mut n: i64| {
        let (mut r, mut p) = ((1.0, 0.0), x);
        while n > 0 {
            if n & 1 == 1 {
                r = c_prod(r, p);
            }
            n >>= 1;
            if n > 0 {
                p = c_prod(p, p);
            }
        }
        r
    };
    if !(-100..=100).contains(&n) {
        c_pow(x, (n as f64, 0.0))
    } else if n > 0 {
        Some(powu(n))
    } else {
        c_quot((1.0, 0.0), powu(-n))
    }
}

/// CPython's `_Py_c_abs`: an infinite part wins over a NaN.
pub fn c_abs(z: C) -> f64 {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return z.0.abs();
        }
        if z.1.is_infinite() {
            return z.1.abs();
        }
        return f64::NAN;
    }
    z.0.hypot(z.1)
}

/// A float as repr shows it inside a complex: no ".0" for integral values.
fn part_repr(x: f64) -> String {
    let r = crate::vm::num::float_repr(x);
    match r.strip_suffix(".0") {
        Some(s) => s.to_string(),
        None => r,
    }
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let im_s = part_repr(im);
    let sign = if im_s.starts_with('-') { "" } else { "+" };
    if re == 0.0 && re.is_sign_positive() {
        format!("{im_s}j")
    } else {
        format!("({}{sign}{im_s}j)", part_repr(re))
    }
}

pub fn complex_hash(re: f64, im: f64) -> i64 {
    let (hr, hi) = (hash_f64(re) as u64, hash_f64(im) as u64);
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 { -2 } else { h }
}

impl Vm {
    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        self.alloc(self.types.complex, ObjData::Complex(re, im))
    }

    /// The complex value of a complex (or complex subclass instance).
    pub fn complex_of(&self, v: Value) -> Option<C> {
        match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Complex(re, im)) => Some((*re, *im)),
            _ => None,
        }
    }

    /// An int, float or complex widened to complex (None for other types).
    pub fn to_complex(&mut self, v: Value) -> PyResult<Option<C>> {
        if v.is_float() {
            return Ok(Some((v.as_float(), 0.0)));
        }
        if let Some(c) = self.complex_of(v) {
            return Ok(Some(c));
        }
        match self.to_bigint(v) {
            Some(i) => Ok(Some((self.int_to_float(&i)?, 0.0))),
            None => Ok(None),
        }
    }

    /// Arithmetic where one side is complex and the other a number; None otherwise.
    pub fn complex_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        if self.complex_of(a).is_none() && self.complex_of(b).is_none() {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.to_complex(a)?, self.to_complex(b)?) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => (x.0 + y.0, x.1 + y.1),
            BinOp::Sub => (x.0 - y.0, x.1 - y.1),
            BinOp::Mul => c_prod(x, y),
            BinOp::TrueDiv => match c_quot(x, y) {
                Some(r) => r,
                None => return Err(self.zero_division("complex division by zero")),
            },
            BinOp::Pow => self.complex_pow(x, y)?,
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(r.0, r.1)))
    }

    pub fn complex_pow(&mut self, x: C, y: C) -> PyResult<C> {
        let n = y.0 as i64;
        let r = if y.1 == 0.0 && y.0 == n as f64 {
            c_powi(x, n)
        } else {
            c_pow(x, y)
        };
        match r {
            None => Err(self.zero_division("0.0 to a negative or complex power")),
            Some(r) if r.0.is_infinite() || r.1.is_infinite() => {
                Err(self.overflow_error("complex exponentiation"))
            }
            Some(r) => Ok(r),
        }
    }

    /// `==`/`!=` with a complex on one side (None: not a number on the other).
    pub fn complex_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        let (c, other) = match (self.complex_of(a), self.complex_of(b)) {
            (Some(c), _) => (c, b),
            (None, Some(c)) => (c, a),
            _ => return Ok(None),
        };
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(None);
        }
        let equal = if let Some(o) = self.complex_of(other) {
            c == o
        } else if other.is_float() {
            c.1 == 0.0 && c.0 == other.as_float()
        } else if let Some(i) = self.to_bigint(other) {
            // (compared exactly, as float == int is)
            let iv = self.new_bigint(i);
            c.1 == 0.0 && self.compare(CmpOp::Eq, Value::float(c.0), iv)? == Value::TRUE
        } else {
            return Ok(None);
        };
        Ok(Some(equal == (op == CmpOp::Eq)))
    }
}
