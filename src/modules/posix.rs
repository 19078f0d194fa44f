//! `posix`: the file-descriptor calls of the C library (`open`, `read`, `write`,
//! `lseek`, `close`, `fstat`, `isatty`, `ftruncate`, `dup`, `umask`, `access`,
//! `chmod`, `getuid`/`getgid`) and the `O_*` flags. Coil's native `os` takes them
//! from here, as CPython's `os` takes its functions from `posix`.

use crate::builtins::signature::{Bound, Sig, to_c_int, to_long};
use crate::ffi::fd::{
    access, chmod, close, dup, fsync, ftruncate, getegid, geteuid, getgid, getppid, getuid, isatty,
    lseek, open, read, umask, write,
};
use crate::modules::io::os_error;
use crate::value::Value;
use crate::vm::{PyResult, Vm, str_of};

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

/// A file descriptor argument (a C int).
fn fd_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    to_c_int(vm, v)
}

/// `fsync`'s and the other `fildes` converters' argument: an int, or an object
/// with a `fileno()` method.
fn fildes(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let v = if vm.is_intlike(v) {
        v
    } else {
        let k = vm.intern("fileno");
        let cls = vm.type_of(v);
        if vm.getattr_opt(cls, k)?.is_none() {
            return Err(vm.type_error("argument must be an int, or have a fileno() method."));
        }
        vm.call_method(v, "fileno", &[])?
    };
    let fd = to_c_int(vm, v)?;
    if fd < 0 {
        return Err(vm.value_error(&format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// Path parameter `i` of `b` as a C string; `what` is the converter's type
/// error (`open: path should be string, bytes or os.PathLike`).
fn cpath<const N: usize>(
    vm: &mut Vm,
    b: &Bound<'_, '_, N>,
    i: usize,
    what: &str,
) -> PyResult<(Value, std::ffi::CString)> {
    let p = crate::modules::os::path_of(vm, b.req(i), what)?;
    match std::ffi::CString::new(str_of(p)) {
        Ok(c) => Ok((p, c)),
        Err(_) => Err(vm.value_error(&format!("{}: embedded null character in path", b.name()))),
    }
}

/// A keyword-only parameter Coil takes only at its default (`dir_fd=None`,
/// `follow_symlinks=True`).
fn default_only<const N: usize>(
    vm: &mut Vm,
    b: &Bound<'_, '_, N>,
    i: usize,
    default: Value,
) -> PyResult<()> {
    match b.get(i) {
        Some(v) if v != default => {
            Err(vm.unsupported(&format!("{}() with {}", b.name(), b.param(i))))
        }
        _ => Ok(()),
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
        /// `open(path, flags, mode=511, *, dir_fd=None)`
        const OPEN: Sig<4> = Sig::new("open", ["path", "flags", "mode", "dir_fd"])
            .posonly(0)
            .kwonly(3)
            .required(2);
        let b = OPEN.bind(vm, &a)?;
        let (p, c) = cpath(
            vm,
            &b,
            0,
            "open: path should be string, bytes or os.PathLike",
        )?;
        let flags = to_c_int(vm, b.req(1))?;
        let mode = match b.get(2) {
            Some(v) => to_c_int(vm, v)?,
            None => 0o777,
        };
        default_only(vm, &b, 3, Value::NONE)?;
        let fd = open(&c, flags | 0o2000000, mode as u32);
        if fd < 0 {
            return Err(last_error(vm, Some(p)));
        }
        Ok(Value::small_int(fd as i64))
    });
    vm.add_fn(d, "close", |vm, a| {
        /// `close(fd)`
        const CLOSE: Sig<1> = Sig::new("close", ["fd"]).posonly(0);
        let fd = CLOSE.bind(vm, &a)?.req(0);
        let fd = fd_of(vm, fd)?;
        // SAFETY: integers only, no memory of ours; a bad descriptor fails (EBADF).
        check(vm, close(fd) as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "read", |vm, a| {
        /// `read(fd, length, /)`
        const READ: Sig<2> = Sig::new("read", ["fd", "length"]).owner("posix");
        let b = READ.bind(vm, &a)?;
        let fd = fd_of(vm, b.req(0))?;
        let n = b.ssize(vm, 1)?;
        if n < 0 {
            // CPython passes it to read(2), which fails with EINVAL
            return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None));
        }
        vm.check_alloc(n as u128, 1)?;
        let mut buf = vec![0u8; n as usize];
        let r = check(vm, read(fd, &mut buf) as i64)?;
        buf.truncate(r as usize);
        Ok(vm.new_bytes(buf))
    });
    vm.add_fn(d, "write", |vm, a| {
        use std::io::Write;
        /// `write(fd, data, /)`
        const WRITE: Sig<2> = Sig::new("write", ["fd", "data"]).owner("posix");
        let b = WRITE.bind(vm, &a)?;
        let fd = fd_of(vm, b.req(0))?;
        let data = b.bytes(vm, 1)?;
        if fd == 1 || fd == 2 {
            let _ = vm.stdout.flush();
        }
        let r = check(vm, write(fd, &data) as i64)?;
        Ok(vm.new_int(r))
    });
    vm.add_fn(d, "lseek", |vm, a| {
        /// `lseek(fd, position, whence, /)`
        const LSEEK: Sig<3> = Sig::new("lseek", ["fd", "position", "whence"]).owner("posix");
        let b = LSEEK.bind(vm, &a)?;
        let fd = fd_of(vm, b.req(0))?;
        let off = to_long(vm, b.req(1))?;
        let how = to_c_int(vm, b.req(2))?;
        // SAFETY: integers only, no memory of ours; a bad descriptor fails (EBADF).
        let r = check(vm, lseek(fd, off, how))?;
        Ok(vm.new_int(r))
    });
    vm.add_fn(d, "isatty", |vm, a| {
        /// `isatty(fd, /)`
        const ISATTY: Sig<1> = Sig::new("isatty", ["fd"]).owner("posix");
        let fd = ISATTY.bind(vm, &a)?.req(0);
        let fd = fd_of(vm, fd)?;
        Ok(Value::bool(isatty(fd) == 1))
    });
    vm.add_fn(d, "ftruncate", |vm, a| {
        /// `ftruncate(fd, length, /)`
        const FTRUNCATE: Sig<2> = Sig::new("ftruncate", ["fd", "length"]).owner("posix");
        let b = FTRUNCATE.bind(vm, &a)?;
        let fd = fd_of(vm, b.req(0))?;
        let n = to_long(vm, b.req(1))?;
        // SAFETY: integers only, no memory of ours; a bad descriptor fails (EBADF).
        check(vm, ftruncate(fd, n) as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "fsync", |vm, a| {
        /// `fsync(fd)`
        const FSYNC: Sig<1> = Sig::new("fsync", ["fd"]).posonly(0);
        let fd = FSYNC.bind(vm, &a)?.req(0);
        let fd = fildes(vm, fd)?;
        // SAFETY: integers only, no memory of ours; a bad descriptor fails (EBADF).
        check(vm, fsync(fd) as i64)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "dup", |vm, a| {
        /// `dup(fd, /)`
        const DUP: Sig<1> = Sig::new("dup", ["fd"]).owner("posix");
        let fd = DUP.bind(vm, &a)?.req(0);
        let fd = fd_of(vm, fd)?;
        // SAFETY: integers only, no memory of ours; a bad descriptor fails (EBADF).
        let r = check(vm, dup(fd) as i64)?;
        Ok(Value::small_int(r))
    });
    vm.add_fn(d, "umask", |vm, a| {
        /// `umask(mask, /)`
        const UMASK: Sig<1> = Sig::new("umask", ["mask"]).owner("posix");
        let m = UMASK.bind(vm, &a)?.req(0);
        let m = to_c_int(vm, m)?;
        Ok(Value::small_int(umask(m as u32) as i64))
    });
    vm.add_fn(d, "access", |vm, a| {
        /// `access(path, mode, *, dir_fd=None, effective_ids=False,
        /// follow_symlinks=True)`
        const ACCESS: Sig<5> = Sig::new(
            "access",
            ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        )
        .posonly(0)
        .kwonly(2)
        .required(2);
        let b = ACCESS.bind(vm, &a)?;
        let (_, c) = cpath(
            vm,
            &b,
            0,
            "access: path should be string, bytes or os.PathLike",
        )?;
        let mode = to_c_int(vm, b.req(1))?;
        default_only(vm, &b, 2, Value::NONE)?;
        default_only(vm, &b, 3, Value::FALSE)?;
        default_only(vm, &b, 4, Value::TRUE)?;
        Ok(Value::bool(access(&c, mode) == 0))
    });
    vm.add_fn(d, "chmod", |vm, a| {
        /// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`
        const CHMOD: Sig<4> = Sig::new("chmod", ["path", "mode", "dir_fd", "follow_symlinks"])
            .posonly(0)
            .kwonly(2)
            .required(2);
        let b = CHMOD.bind(vm, &a)?;
        let (p, c) = cpath(
            vm,
            &b,
            0,
            "chmod: path should be string, bytes, os.PathLike or integer",
        )?;
        let mode = to_c_int(vm, b.req(1))?;
        default_only(vm, &b, 2, Value::NONE)?;
        default_only(vm, &b, 3, Value::TRUE)?;
        if chmod(&c, mode as u32) < 0 {
            return Err(last_error(vm, Some(p)));
        }
        Ok(Value::NONE)
    });
    vm.add_fn(d, "getuid", |vm, a| {
        Sig::new("getuid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(getuid() as i64))
    });
    vm.add_fn(d, "geteuid", |vm, a| {
        Sig::new("geteuid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(geteuid() as i64))
    });
    vm.add_fn(d, "getgid", |vm, a| {
        Sig::new("getgid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(getgid() as i64))
    });
    vm.add_fn(d, "getegid", |vm, a| {
        Sig::new("getegid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(getegid() as i64))
    });
    vm.add_fn(d, "getppid", |vm, a| {
        Sig::new("getppid", []).owner("posix").bind(vm, &a)?;
        Ok(Value::small_int(getppid() as i64))
    });
    vm.add_fn(d, "strerror", |vm, a| {
        /// `strerror(code, /)`
        const STRERROR: Sig<1> = Sig::new("strerror", ["code"]).owner("posix");
        let n = STRERROR.bind(vm, &a)?.req(0);
        let n = to_c_int(vm, n)?;
        let full = std::io::Error::from_raw_os_error(n).to_string();
        let s = match full.rfind(" (os error ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        Ok(vm.new_string(s))
    });
    Ok(m)
}
