//! The clocks and the local-time calls of the C library, for `time`.

use std::ffi::{CStr, c_char};

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

/// The C library's `struct tm` (glibc and musl on Linux: nine ints, then the
/// offset and the zone name). The zone pointer stays private: only this module
/// sets it, to a string that outlives the call reading it.
#[repr(C)]
#[derive(Clone)]
pub struct Tm {
    pub tm_sec: i32,
    pub tm_min: i32,
    pub tm_hour: i32,
    pub tm_mday: i32,
    pub tm_mon: i32,
    pub tm_year: i32,
    pub tm_wday: i32,
    pub tm_yday: i32,
    pub tm_isdst: i32,
    pub tm_gmtoff: i64,
    tm_zone: *const c_char,
}

impl Tm {
    pub fn zeroed() -> Tm {
        Tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: std::ptr::null(),
        }
    }
}

// SAFETY: glibc's signatures on x86-64 and AArch64 Linux; Tm and Timespec
// above are laid out as its `struct tm` and `struct timespec`.
unsafe extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    fn localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm;
    #[link_name = "mktime"]
    fn c_mktime(tm: *mut Tm) -> i64;
    #[link_name = "strftime"]
    fn c_strftime(s: *mut u8, max: usize, format: *const c_char, tm: *const Tm) -> usize;
    safe fn tzset();
}

/// A clock's reading in nanoseconds (`CLOCK_REALTIME` and the like).
pub fn clock_ns(clk: i32) -> i128 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the live local.
    unsafe {
        clock_gettime(clk, &mut ts);
    }
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// The local time of `t` seconds since the epoch, with its zone's name; None
/// when the C library cannot represent it.
pub fn localtime(t: i64) -> Option<(Tm, String)> {
    let mut tm = Tm::zeroed();
    tzset();
    // SAFETY: localtime_r reads `t` and writes one struct tm into the live local.
    if unsafe { localtime_r(&t, &mut tm) }.is_null() {
        return None;
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: localtime_r pointed tm_zone at a NUL-terminated string of the
        // C library's (static or its time-zone cache), read at once.
        unsafe { CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    tm.tm_zone = std::ptr::null();
    Some((tm, zone))
}

/// `mktime`: the seconds since the epoch of a local time, normalising `tm`.
pub fn mktime(tm: &mut Tm) -> i64 {
    tzset();
    // SAFETY: mktime reads and normalises the struct it is given; its zone
    // pointer is null or was set by this module to a string still alive.
    unsafe { c_mktime(tm) }
}

/// `strftime` into `buf` with `zone` as the `%Z` name: the bytes written, 0 when
/// they did not fit.
pub fn strftime(buf: &mut [u8], format: &CStr, tm: &Tm, zone: &CStr) -> usize {
    let mut tm = tm.clone();
    tm.tm_zone = zone.as_ptr();
    // SAFETY: strftime writes at most `buf.len()` bytes into the live buffer and
    // reads the NUL-terminated format and the struct, whose zone outlives the call.
    unsafe { c_strftime(buf.as_mut_ptr(), buf.len(), format.as_ptr(), &tm) }
}
