//! libm's functions that Rust's std does not expose or computes differently.

// SAFETY: the C99 libm signatures (glibc on x86-64 and AArch64 Linux). Each takes
// and returns plain floats and ints, touches no memory of ours and has no
// precondition, so it is declared `safe` to call.
unsafe extern "C" {
    pub safe fn asinh(x: f64) -> f64;
    pub safe fn acosh(x: f64) -> f64;
    pub safe fn atanh(x: f64) -> f64;
    pub safe fn erf(x: f64) -> f64;
    pub safe fn erfc(x: f64) -> f64;
    pub safe fn ldexp(x: f64, e: i32) -> f64;
    pub safe fn remainder(x: f64, y: f64) -> f64;
    pub safe fn nextafter(x: f64, y: f64) -> f64;
    pub safe fn log2(x: f64) -> f64;
    pub safe fn log10(x: f64) -> f64;
    pub safe fn log(x: f64) -> f64;
    pub safe fn cbrt(x: f64) -> f64;
    fn frexp(x: f64, e: *mut i32) -> f64;
}

/// `frexp`: the mantissa in [0.5, 1) and the power of two.
pub fn c_frexp(x: f64) -> (f64, i32) {
    let mut e = 0;
    // SAFETY: frexp writes one int through the pointer, which is a live local.
    let m = unsafe { frexp(x, &mut e) };
    (m, e)
}
