//! `posix`: the file-descriptor calls of the C library (`open`, `read`, `write`,
//! `lseek`, `close`, `fstat`, `isatty`, `ftruncate`, `dup`, `umask`, `access`,
//! `chmod`, `getuid`/`getgid`) and the `O_*` flags. Coil's native `os` takes them
//! from here, as CPython's `os` takes its functions from `posix`.

use crate::builtins::signature::Sig;
use crate::modules::io::os_error;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

unsafe extern "C" {
    fn open(path: *const std::ffi::c_char, flags: i32, mode: u32) -> i32;
    fn close(fd: i32) -> i32;
    fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn lseek(fd: i32, off: i64, whence: i32) -> i64;
    fn isatty(fd: i32) -> i32;
    fn ftruncate(fd: i32, len: i64) -> i32;
    fn dup(fd: i32) -> i32;
    fn umask(mask: u32) -> u32;
    fn access(path: *const std::ffi::c_char, mode: i32) -> i32;
    fn chmod(path: *const std::ffi::c_char, mode: u32) -> i32;
    fn getuid() -> u32;
    fn geteuid() -> u32;
    fn getgid() -> u32;
    fn getegid() -> u32;
    fn getppid() -> i32;
    fn fsync(fd: i32) -> i32;
}

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("posix", init);
}

/// Linux's open(2) flags (the same values on x86-64 and AArch64).
const FLAGS: &[(&str, i64)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_ACCMODE", 3),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_NOCTTY", 0o400),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
    ("O_NONBLOCK", 0o4000),
    ("O_NDELAY", 0o4000),
    ("O_DSYNC", 0o10000),
    ("O_SYNC", 0o4010000),
    ("O_CLOEXEC", 0o2000000),
    ("O_NOFOLLOW", 0o400000),
    ("O_DIRECTORY", 0o200000),
    ("F_OK", 0),
    ("X_OK", 1),
    ("W_OK", 2),
    ("R_OK", 4),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
];

fn int_arg(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<i64> {
    match a.get(i) {
        Some(v) => match vm.index_of(v)? {
            Some(x) => Ok(x),
            None => Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(&format!(
            "{name}() missing required argument (pos {})",
            i + 1
        ))),
    }
}

fn fd_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i32> {
    let fd = int_arg(vm, a, 0, name)?;
    i32::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn cpath(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, std::ffi::CString)> {
    let p = crate::modules::os::path_arg(vm, *a, 0, name)?;
    match std::ffi::CString::new(str_of(p)) {
        Ok(c) => Ok((p, c)),
        Err(_) => Err(vm.value_error(&format!("{name}: embedded null character in path"))),
    }
}

fn last_error(vm: &mut Vm, filename: Option<Value>) -> crate::vm::PyErr {
    os_error(vm, &std::io::Error::last_os_error(), filename)
}

fn check(vm: &mut Vm, r: i64) -> PyResult<i64> {
    if r < 0 {
        Err(last_error(vm, None))
    } else {
        Ok(r)
    }
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("posix");
    let d = vm.module_dict(m);
    for (k, v) in FLAGS {
        crate::modules::itertools::set_attr(vm, m, k, Value::small_int(*v));
    }
    vm.add_fn(d, "open", |vm, a| {
        let (p, c) = cpath(vm, &a, "open")?;
        let flags = int_arg(vm, &a, 1, "open")? as i32;
        let mode = match a.get(2).or_else(|| a.kwarg("mode")) {
            Some(v) => vm.index_of(v)?.unwrap_or(0o777),
            None => 0o777,
        };
        // SAFETY: c is a NUL-terminated path that outlives the call.
        let fd = unsafe { open(c.as_ptr(), flags | 0o2000000, mode as u32) };
        if fd < 0 {
            return Err(last_error(vm, Some(p)));
        }
        Ok(Value::small_int(fd as i64))
    });
    vm.add_fn(d, "close", |vm, a| {
        let fd = fd_arg(vm, &a, "close")?;
        // SAFETY: closing a descriptor number; a bad one fails with EBADF.
        check(vm, unsafe { close(fd) } as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "read", |vm, a| {
        let fd = fd_arg(vm, &a, "read")?;
        let n = int_arg(vm, &a, 1, "read")?;
        if n < 0 {
            return Err(vm.value_error("negative length"));
        }
        vm.check_alloc(n as u128, 1)?;
        let mut buf = vec![0u8; n as usize];
        // SAFETY: buf has n writable bytes.
        let r = check(vm, unsafe { read(fd, buf.as_mut_ptr(), n as usize) } as i64)?;
        buf.truncate(r as usize);
        Ok(vm.new_bytes(buf))
    });
    vm.add_fn(d, "write", |vm, a| {
        use std::io::Write;
        let fd = fd_arg(vm, &a, "write")?;
        let data = match a.get(1).and_then(crate::builtins::bytes::data_of) {
            Some(d) => d,
            None => return Err(vm.type_error("a bytes-like object is required")),
        };
        if fd == 1 || fd == 2 {
            let _ = vm.stdout.flush();
        }
        // SAFETY: data is a live buffer of data.len() bytes.
        let r = check(vm, unsafe { write(fd, data.as_ptr(), data.len()) } as i64)?;
        Ok(vm.new_int(r))
    });
    vm.add_fn(d, "lseek", |vm, a| {
        let fd = fd_arg(vm, &a, "lseek")?;
        let off = int_arg(vm, &a, 1, "lseek")?;
        let how = int_arg(vm, &a, 2, "lseek")? as i32;
        // SAFETY: plain syscall on integers.
        let r = check(vm, unsafe { lseek(fd, off, how) })?;
        Ok(vm.new_int(r))
    });
    vm.add_fn(d, "isatty", |vm, a| {
        let fd = fd_arg(vm, &a, "isatty")?;
        // SAFETY: plain syscall on an integer.
        Ok(Value::bool(unsafe { isatty(fd) } == 1))
    });
    vm.add_fn(d, "ftruncate", |vm, a| {
        let fd = fd_arg(vm, &a, "ftruncate")?;
        let n = int_arg(vm, &a, 1, "ftruncate")?;
        // SAFETY: plain syscall on integers.
        check(vm, unsafe { ftruncate(fd, n) } as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "fsync", |vm, a| {
        let fd = fd_arg(vm, &a, "fsync")?;
        // SAFETY: plain syscall on an integer.
        check(vm, unsafe { fsync(fd) } as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "dup", |vm, a| {
        let fd = fd_arg(vm, &a, "dup")?;
        // SAFETY: plain syscall on an integer.
        let r = check(vm, unsafe { dup(fd) } as i64)?;
        Ok(Value::small_int(r))
    });
    vm.add_fn(d, "umask", |vm, a| {
        let m = int_arg(vm, &a, 0, "umask")?;
        // SAFETY: plain syscall on an integer.
        Ok(Value::small_int(unsafe { umask(m as u32) } as i64))
    });
    vm.add_fn(d, "access", |vm, a| {
        let (_, c) = cpath(vm, &a, "access")?;
        let mode = int_arg(vm, &a, 1, "access")? as i32;
        // SAFETY: c is a NUL-terminated path.
        Ok(Value::bool(unsafe { access(c.as_ptr(), mode) } == 0))
    });
    vm.add_fn(d, "chmod", |vm, a| {
        let (p, c) = cpath(vm, &a, "chmod")?;
        let mode = int_arg(vm, &a, 1, "chmod")?;
        // SAFETY: c is a NUL-terminated path.
        if unsafe { chmod(c.as_ptr(), mode as u32) } < 0 {
            return Err(last_error(vm, Some(p)));
        }
        Ok(Value::NONE)
    });
    // SAFETY (all four): the id calls take nothing and cannot fail.
    vm.add_fn(d, "getuid", |vm, a| {
        Sig::new("getuid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(unsafe { getuid() } as i64))
    });
    vm.add_fn(d, "geteuid", |vm, a| {
        Sig::new("geteuid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(unsafe { geteuid() } as i64))
    });
    vm.add_fn(d, "getgid", |vm, a| {
        Sig::new("getgid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(unsafe { getgid() } as i64))
    });
    vm.add_fn(d, "getegid", |vm, a| {
        Sig::new("getegid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(unsafe { getegid() } as i64))
    });
    vm.add_fn(d, "getppid", |vm, a| {
        Sig::new("getppid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(unsafe { getppid() } as i64))
    });
    vm.add_fn(d, "strerror", |vm, a| {
        let n = int_arg(vm, &a, 0, "strerror")?;
        let full = std::io::Error::from_raw_os_error(n as i32).to_string();
        let s = match full.rfind(" (os error ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        Ok(vm.new_string(s))
    });
    Ok(m)
}
