//! Numbers: int (inline or big), bool-as-int and float arithmetic with Python's
//! semantics (floor division, modulo sign, true division, overflow to big ints), float
//! repr in CPython's shortest round-trip form, and numeric hashing.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};

use crate::compiler::bytecode::BinOp;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A number widened for mixed arithmetic.
pub enum Num {
    Int(BigInt),
    Float(f64),
}

/// Modulus of CPython's numeric hash: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

impl Vm {
    /// The int or float behind `v` (bools count as ints), if it is one.
    pub fn to_num(&self, v: Value) -> Option<Num> {
        if v.is_small_int() {
            return Some(Num::Int(BigInt::from(v.as_small_int())));
        }
        if v.is_float() {
            return Some(Num::Float(v.as_float()));
        }
        if v.is_bool() {
            return Some(Num::Int(BigInt::from((v == Value::TRUE) as i64)));
        }
        match &v.as_obj()?.data {
            ObjData::BigInt(b) => Some(Num::Int(b.clone())),
            _ => None,
        }
    }

    /// The int value of an int or bool.
    pub fn to_bigint(&self, v: Value) -> Option<BigInt> {
        match self.to_num(v)? {
            Num::Int(i) => Some(i),
            Num::Float(_) => None,
        }
    }

    /// An int or bool as i64, if it fits.
    pub fn to_i64(&self, v: Value) -> Option<i64> {
        if v.is_small_int() {
            return Some(v.as_small_int());
        }
        if v.is_bool() {
            return Some((v == Value::TRUE) as i64);
        }
        match &v.as_obj()?.data {
            ObjData::BigInt(b) => b.to_i64(),
            _ => None,
        }
    }

    pub fn is_intlike(&self, v: Value) -> bool {
        v.is_small_int()
            || v.is_bool()
            || matches!(v.as_obj().map(|o| &o.data), Some(ObjData::BigInt(_)))
    }

    pub fn int_to_float(&mut self, i: &BigInt) -> PyResult<f64> {
        match i.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(self.overflow_error("int too large to convert to float")),
        }
    }

    /// Arithmetic on two numbers; None when either is not a number.
    pub fn num_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            return Ok(Some(Value::bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            })));
        }
        let (Some(x), Some(y)) = (self.to_num(a), self.to_num(b)) else {
            return Ok(None);
        };
        match (x, y) {
            (Num::Int(x), Num::Int(y)) => self.int_binop(op, x, y),
            (Num::Float(x), Num::Float(y)) => self.float_binop(op, x, y),
            (Num::Int(x), Num::Float(y)) => {
                let x = self.int_to_float(&x)?;
                self.float_binop(op, x, y)
            }
            (Num::Float(x), Num::Int(y)) => {
                let y = self.int_to_float(&y)?;
                self.float_binop(op, x, y)
            }
        }
    }

    fn int_binop(&mut self, op: BinOp, x: BigInt, y: BigInt) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                x.div_floor(&y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                x.mod_floor(&y)
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Some(Value::float(self.int_true_div(&x, &y)?)));
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let fx = self.int_to_float(&x)?;
                    let fy = self.int_to_float(&y)?;
                    return self.float_binop(BinOp::Pow, fx, fy);
                }
                let e = match y.to_u32() {
                    Some(e) => e,
                    None => {
                        if x.is_zero() || x == BigInt::from(1) {
                            return Ok(Some(self.new_bigint(x)));
                        }
                        if x == BigInt::from(-1) {
                            let odd = y.is_odd();
                            return Ok(Some(self.new_int(if odd { -1 } else { 1 })));
                        }
                        return Err(self.error("MemoryError", ""));
                    }
                };
                if x.bits() as u128 * e as u128 > 64 * 1024 * 1024 * 8 {
                    return Err(self.error("MemoryError", ""));
                }
                Pow::pow(x, e)
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = match y.to_usize() {
                    Some(s) if s < 1 << 32 => s,
                    _ => {
                        if x.is_zero() {
                            return Ok(Some(Value::small_int(0)));
                        }
                        return Err(self.overflow_error("too many digits in integer"));
                    }
                };
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = y.to_usize().unwrap_or(usize::MAX).min(1 << 40);
                if s as u64 > x.bits() {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> s
                }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::MatMul => return Ok(None),
        };
        Ok(Some(self.new_bigint(r)))
    }

    /// Correctly rounded int / int for operands that fit a double exactly, else
    /// through big-int scaling.
    fn int_true_div(&mut self, x: &BigInt, y: &BigInt) -> PyResult<f64> {
        const EXACT: u64 = 1 << 53;
        if x.bits() <= 53 && y.bits() <= 53 {
            let _ = EXACT;
            return Ok(x.to_f64().unwrap() / y.to_f64().unwrap());
        }
        // Scale so the quotient has 64+ significant bits, then round via f64.
        let shift = 64i64 + y.bits() as i64 - x.bits() as i64;
        let q = if shift > 0 {
            (x << shift as usize) / y
        } else {
            x / (BigInt::from(1) << (-shift) as usize) / y
        };
        let f = q.to_f64().unwrap_or(f64::INFINITY);
        let r = f * 2f64.powi(-shift as i32);
        if r.is_infinite() {
            return Err(self.overflow_error("integer division result too large for a float"));
        }
        Ok(r)
    }

    pub fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => return self.float_pow(x, y).map(Some),
            _ => return Ok(None),
        };
        Ok(Some(Value::float(r)))
    }

    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // (as CPython: the complex power of the same values)
            let (re, im) = self.complex_pow((x, 0.0), (y, 0.0))?;
            return Ok(self.new_complex(re, im));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            let e = self.exc_class("OverflowError");
            let n = Value::small_int(34);
            let m = self.new_str("Numerical result out of range");
            return Err(crate::vm::PyErr(self.new_exception(e, vec![n, m])));
        }
        Ok(Value::float(r))
    }

    /// Python's hash of an int.
    pub fn hash_bigint(b: &BigInt) -> i64 {
        let m = BigInt::from(HASH_MODULUS);
        let r = b.abs().mod_floor(&m).to_i64().unwrap();
        let mut h = if b.is_negative() { -r } else { r };
        if h == -1 {
            h = -2;
        }
        h
    }

    pub fn hash_i64(i: i64) -> i64 {
        if i == -1 {
            return -2;
        }
        if i.unsigned_abs() < HASH_MODULUS {
            return i;
        }
        Vm::hash_bigint(&BigInt::from(i))
    }
}

/// Python's float hash (CPython's `_Py_HashDouble`), equal to the int hash for
/// integral values.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    const BITS: i32 = 61;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (BITS - e));
    let mut h = x as i64 * sign;
    if h == -1 {
        h = -2;
    }
    h
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// Python's float divmod: the remainder takes the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `repr(float)`: the shortest string that round-trips, in CPython's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let mut s = format!("{:e}", f);
    let sig = s
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .count();
    let last_odd = s
        .split('e')
        .next()
        .and_then(|m| m.chars().last())
        .and_then(|c| c.to_digit(10))
        .is_some_and(|d| d % 2 == 1);
    if sig == 17 || last_odd {
        // among the equally short strings CPython picks the correctly rounded one
        // (ties to even: 93162508240152.125 is ...152.12); exact formatting does
        // that, and it is as short when it still reads back as f
        let exact = format!("{:.*e}", sig - 1, f);
        if sig == 17 || exact.parse::<f64>() == Ok(f) {
            s = exact;
        }
    }
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if decpt > -4 && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            for _ in 0..-decpt {
                out.push('0');
            }
            out.push_str(&digits);
        } else if decpt as usize >= digits.len() {
            out.push_str(&digits);
            for _ in 0..decpt as usize - digits.len() {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::excessive_precision)] // exact binary values, on purpose
    fn float_repr_matches_cpython() {
        let cases = [
            (0.1, "0.1"),
            (93162508240152.125, "93162508240152.12"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-0.0, "-0.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5, "1.5"),
            (2.5e-7, "2.5e-07"),
            (1e300 * 10.0, "1e+301"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
            (100.0, "100.0"),
            (5e-324, "5e-324"),
            (250.001861572265625, "250.00186157226562"),
            (-250.001861572265625, "-250.00186157226562"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f:e}");
        }
    }

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-2.5), -1152921504606846978);
        assert_eq!(Vm::hash_i64(-1), -2);
        assert_eq!(Vm::hash_bigint(&(BigInt::from(1) << 61usize)), 1);
        assert_eq!(Vm::hash_bigint(&BigInt::from((1i64 << 61) - 1)), 0);
    }

    #[test]
    fn float_divmod_signs() {
        assert_eq!(float_divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(float_divmod(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(float_divmod(7.5, 2.0), (3.0, 1.5));
    }
}

#[cfg(test)]
mod vm_tests {
    use crate::compiler::bytecode::BinOp;
    use crate::value::Value;
    use crate::vm::Vm;

    #[test]
    fn small_int_overflow_promotes_to_big_ints_and_back() {
        let mut vm = Vm::new();
        let max = Value::small_int(crate::value::SMALL_INT_MAX);
        let one = Value::small_int(1);
        let big = vm.binary_op(BinOp::Add, max, one).unwrap();
        assert!(big.is_obj(), "past 48 bits the int lives on the heap");
        assert_eq!(vm.repr_string(big).unwrap(), "140737488355328");
        let back = vm.binary_op(BinOp::Sub, big, one).unwrap();
        assert!(back.is_small_int());
        let p = vm
            .binary_op(BinOp::Pow, Value::small_int(2), Value::small_int(100))
            .unwrap();
        assert_eq!(
            vm.repr_string(p).unwrap(),
            "1267650600228229401496703205376"
        );
        let q = vm
            .binary_op(BinOp::FloorDiv, p, Value::small_int(-3))
            .unwrap();
        assert_eq!(
            vm.repr_string(q).unwrap(),
            "-422550200076076467165567735126"
        );
        let m = vm.binary_op(BinOp::Mod, p, Value::small_int(-7)).unwrap();
        assert_eq!(vm.repr_string(m).unwrap(), "-5");
    }
}
