//! Python `//` and `%` by a positive constant, without a divide instruction.
//!
//! Why: a hardware divide costs tens of cycles and sits on the loop-carried chain of
//! loops like `x = (x * 31 + i) % MOD`. Trace ints are inline ints (|a| < 2^47), which
//! makes an unsigned multiply-high exact with a small trick: shift the dividend into
//! the non-negative range first (`a + K*c`, K = ceil(2^47 / c)), divide that by `c`
//! with a magic multiplier, and subtract K back. Flooring comes for free (the
//! shifted dividend is non-negative), and the remainder `a - q*c` has the divisor's
//! sign, as Python wants.
//!
//! Exactness (Granlund-Montgomery): for `0 <= n < 2^N`, `floor(n * M / 2^k) ==
//! floor(n / c)` when `M = ceil(2^k / c)` and `n * (M*c - 2^k) < 2^k`; since
//! `M*c - 2^k < c`, `2^k >= 2^N * c` suffices. Here N = 49 and `k = 63 + floor(log2
//! c)`, which is enough for every non-power-of-two c < 2^48 and keeps M below 2^64.
//! Powers of two are shifts and masks.

/// How a backend divides by a positive constant `c`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ConstDivisor {
    /// `c == 2^shift`: `a >> shift` (arithmetic) and `a & (c - 1)`.
    Pow2 { shift: u32 },
    /// `q = ((a + bias) * magic) >> (64 + shift) - k_offset` (the product's high
    /// half shifted right by `shift`); `bias = k_offset * c`.
    Magic {
        bias: i64,
        magic: u64,
        shift: u32,
        k_offset: i64,
    },
}

/// The divisor plan for `c`, or None when `c` is not a positive inline int (the
/// backend then divides).
pub fn const_divisor(c: i64) -> Option<ConstDivisor> {
    if !(1..(1 << 47)).contains(&c) {
        return None;
    }
    let c = c as u64;
    if c.is_power_of_two() {
        return Some(ConstDivisor::Pow2 {
            shift: c.trailing_zeros(),
        });
    }
    let fl = 63 - c.leading_zeros(); // floor(log2 c) >= 1
    let k = 63 + fl;
    let magic = ((1u128 << k).div_ceil(c as u128)) as u64;
    let k_offset = (1u64 << 47).div_ceil(c);
    Some(ConstDivisor::Magic {
        bias: (k_offset * c) as i64,
        magic,
        shift: k - 64,
        k_offset: k_offset as i64,
    })
}

impl ConstDivisor {
    /// Python `a // c` the way the emitted code computes it (the tests' oracle).
    pub fn floor_div(self, a: i64) -> i64 {
        match self {
            ConstDivisor::Pow2 { shift } => a >> shift,
            ConstDivisor::Magic {
                bias,
                magic,
                shift,
                k_offset,
            } => {
                let n = (a + bias) as u64;
                let hi = ((n as u128 * magic as u128) >> 64) as u64;
                (hi >> shift) as i64 - k_offset
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(c: i64, a: i64) {
        let d = const_divisor(c).unwrap();
        let q = d.floor_div(a);
        assert_eq!(q, a.div_euclid(c), "{a} // {c}");
        assert_eq!(a - q * c, a.rem_euclid(c), "{a} % {c}");
    }

    #[test]
    fn exact_over_the_inline_int_range() {
        let lo = -(1i64 << 47);
        let hi = (1i64 << 47) - 1;
        let divisors = [
            1,
            2,
            3,
            5,
            6,
            7,
            10,
            60,
            641,
            1000,
            1_000_003,
            (1 << 31) - 1,
            (1 << 32) + 1,
            (1 << 46) + 3,
            (1 << 47) - 1,
            1 << 20,
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for &c in &divisors {
            for a in [
                lo,
                lo + 1,
                -c - 1,
                -c,
                -c + 1,
                -1,
                0,
                1,
                c - 1,
                c,
                c + 1,
                hi - 1,
                hi,
            ] {
                check(c, a.clamp(lo, hi));
            }
            for _ in 0..20_000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let a = lo + (x % (1u64 << 48)) as i64;
                check(c, a);
            }
        }
    }

    #[test]
    fn only_positive_inline_divisors() {
        assert_eq!(const_divisor(0), None);
        assert_eq!(const_divisor(-3), None);
        assert_eq!(const_divisor(1 << 47), None);
        assert_eq!(const_divisor(8), Some(ConstDivisor::Pow2 { shift: 3 }));
    }
}
