//! The file-descriptor calls of the C library, for `posix`. Acting on a
//! descriptor Rust code also uses (stdout's, say) is the Python program's call,
//! as it is in CPython: it can break that use, not memory safety.

use std::ffi::CStr;

// SAFETY: glibc's signatures on x86-64 and AArch64 Linux. Those taking and
// returning only integers are declared `safe`; the wrappers below pass the
// others only live, correctly sized buffers and NUL-terminated paths.
unsafe extern "C" {
    #[link_name = "open"]
    fn c_open(path: *const std::ffi::c_char, flags: i32, mode: u32) -> i32;
    pub safe fn close(fd: i32) -> i32;
    #[link_name = "read"]
    fn c_read(fd: i32, buf: *mut u8, n: usize) -> isize;
    #[link_name = "write"]
    fn c_write(fd: i32, buf: *const u8, n: usize) -> isize;
    pub safe fn lseek(fd: i32, off: i64, whence: i32) -> i64;
    pub safe fn isatty(fd: i32) -> i32;
    pub safe fn ftruncate(fd: i32, len: i64) -> i32;
    pub safe fn dup(fd: i32) -> i32;
    pub safe fn umask(mask: u32) -> u32;
    #[link_name = "access"]
    fn c_access(path: *const std::ffi::c_char, mode: i32) -> i32;
    #[link_name = "chmod"]
    fn c_chmod(path: *const std::ffi::c_char, mode: u32) -> i32;
    pub safe fn getuid() -> u32;
    pub safe fn geteuid() -> u32;
    pub safe fn getgid() -> u32;
    pub safe fn getegid() -> u32;
    pub safe fn getppid() -> i32;
    pub safe fn fsync(fd: i32) -> i32;
}

pub fn open(path: &CStr, flags: i32, mode: u32) -> i32 {
    // SAFETY: `path` is NUL-terminated and outlives the call.
    unsafe { c_open(path.as_ptr(), flags, mode) }
}

/// Reads at most `buf.len()` bytes into `buf`.
pub fn read(fd: i32, buf: &mut [u8]) -> isize {
    // SAFETY: read writes at most `buf.len()` bytes into the live buffer.
    unsafe { c_read(fd, buf.as_mut_ptr(), buf.len()) }
}

pub fn write(fd: i32, data: &[u8]) -> isize {
    // SAFETY: write reads at most `data.len()` bytes of the live slice.
    unsafe { c_write(fd, data.as_ptr(), data.len()) }
}

pub fn access(path: &CStr, mode: i32) -> i32 {
    // SAFETY: `path` is NUL-terminated and outlives the call.
    unsafe { c_access(path.as_ptr(), mode) }
}

pub fn chmod(path: &CStr, mode: u32) -> i32 {
    // SAFETY: `path` is NUL-terminated and outlives the call.
    unsafe { c_chmod(path.as_ptr(), mode) }
}
