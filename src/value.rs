//! `Value`: every Python value in one NaN-boxed machine word.
//!
//! Floats are stored as their own IEEE bits (NaNs canonicalised so they never collide
//! with a tag). Everything else lives in the negative quiet-NaN space, tagged by the top
//! 16 bits:
//!
//! | top 16 bits | meaning                                        |
//! |-------------|------------------------------------------------|
//! | `0xFFF9`    | small int, 48-bit two's complement payload     |
//! | `0xFFFA`    | pointer to a heap [`Obj`] (48-bit address)      |
//! | `0xFFFC`    | `None`                                         |
//! | `0xFFFD`    | `False` (payload 0) / `True` (payload 1)        |
//! | `0xFFFF`    | the empty marker: unbound local, missing value |
//!
//! Why NaN-boxing: floats and small ints need no allocation in the interpreter, and a
//! trace can guard a type with one shift and compare. Ints outside 48 bits are heap
//! big ints; the interpreter promotes on overflow, never wraps.

use crate::object::Obj;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

pub const TAG_SHIFT: u32 = 48;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_OBJ: u64 = 0xFFFA;
pub const TAG_NONE: u64 = 0xFFFC;
pub const TAG_BOOL: u64 = 0xFFFD;
pub const TAG_EMPTY: u64 = 0xFFFF;
/// Smallest bit pattern that is a tagged (non-float) value.
pub const FIRST_TAGGED: u64 = 0xFFF9 << TAG_SHIFT;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;

/// Inclusive range of ints stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
const CANONICAL_NEG_NAN: u64 = 0xFFF8_0000_0000_0000;

impl Value {
    pub const NONE: Value = Value(TAG_NONE << TAG_SHIFT);
    pub const FALSE: Value = Value(TAG_BOOL << TAG_SHIFT);
    pub const TRUE: Value = Value((TAG_BOOL << TAG_SHIFT) | 1);
    pub const EMPTY: Value = Value(TAG_EMPTY << TAG_SHIFT);

    #[inline(always)]
    pub fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            if f.is_sign_negative() {
                Value(CANONICAL_NEG_NAN)
            } else {
                Value(CANONICAL_NAN)
            }
        } else {
            Value(f.to_bits())
        }
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 < FIRST_TAGGED
    }

    #[inline(always)]
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.0)
    }

    /// An inline int. The caller guarantees `SMALL_INT_MIN <= i <= SMALL_INT_MAX`.
    #[inline(always)]
    pub fn small_int(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK))
    }

    #[inline(always)]
    pub fn fits_small(i: i64) -> bool {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i)
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline(always)]
    pub fn as_small_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }

    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self.tag() == TAG_BOOL
    }

    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.0 == Value::EMPTY.0
    }

    #[inline(always)]
    pub fn is_obj(self) -> bool {
        self.tag() == TAG_OBJ
    }

    #[inline(always)]
    pub fn from_obj(p: *const Obj) -> Value {
        debug_assert!((p as u64) <= PAYLOAD_MASK);
        Value((TAG_OBJ << TAG_SHIFT) | p as u64)
    }

    #[inline(always)]
    pub fn obj_ptr(self) -> *mut Obj {
        (self.0 & PAYLOAD_MASK) as *mut Obj
    }

    /// The heap object behind this value. Objects are never moved and live while
    /// reachable from a root, which the caller guarantees for the borrow's duration.
    #[inline(always)]
    pub fn as_obj(self) -> Option<&'static Obj> {
        if self.is_obj() {
            // SAFETY: assumed, not checked: an object value is only made by
            // `from_obj` from a heap slot, the heap never moves objects, and
            // the caller keeps this one reachable from a root while it uses
            // the reference (the `'static` is not real: the collector frees
            // an object once unreachable).
            Some(unsafe { &*self.obj_ptr() })
        } else {
            None
        }
    }

    /// The heap object behind a value known to be one. A value that is not an
    /// object panics (which the interpreter reports as a SystemError) rather than
    /// being dereferenced as a wild pointer.
    #[inline(always)]
    pub fn obj(self) -> &'static Obj {
        if !self.is_obj() {
            not_an_object(self);
        }
        // SAFETY: as in `as_obj` (assumed: a heap object kept reachable by
        // the caller for the reference's use).
        unsafe { &*self.obj_ptr() }
    }
}

#[cold]
#[inline(never)]
fn not_an_object(v: Value) -> ! {
    panic!("expected a heap object, got {v:?}")
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_float() {
            write!(f, "Float({})", self.as_float())
        } else if self.is_small_int() {
            write!(f, "Int({})", self.as_small_int())
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_bool() {
            write!(f, "{}", if self.0 & 1 == 1 { "True" } else { "False" })
        } else if self.is_empty() {
            write!(f, "<empty>")
        } else {
            write!(f, "Obj({:p})", self.obj_ptr())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX, -12345678901] {
            let v = Value::small_int(i);
            assert!(v.is_small_int());
            assert!(!v.is_float());
            assert_eq!(v.as_small_int(), i);
        }
        assert!(!Value::fits_small(SMALL_INT_MAX + 1));
        assert!(!Value::fits_small(SMALL_INT_MIN - 1));
    }

    #[test]
    fn floats_never_look_tagged() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0xFFFF_FFFF_FFFF_FFFF),
            f64::MIN_POSITIVE,
        ] {
            let v = Value::float(f);
            assert!(v.is_float(), "{f}");
            if f.is_nan() {
                assert!(v.as_float().is_nan());
                assert_eq!(v.as_float().is_sign_negative(), f.is_sign_negative());
            } else {
                assert_eq!(v.as_float().to_bits(), f.to_bits());
            }
        }
    }

    #[test]
    fn singletons_are_distinct_and_typed() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::EMPTY];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_obj());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert!(Value::TRUE.is_bool() && Value::FALSE.is_bool());
        assert!(Value::NONE.is_none());
    }

    #[test]
    fn pointers_round_trip() {
        let p = 0x0000_7FFF_1234_5678usize as *const Obj;
        let v = Value::from_obj(p);
        assert!(v.is_obj());
        assert_eq!(v.obj_ptr() as usize, p as usize);
    }
}
