//! The `os` module and its `os.path` submodule (POSIX semantics, as posixpath).

use crate::builtins::signature::{Bound, Sig, to_c_int};
use crate::modules::io::os_error;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("os", init);
    vm.native_modules.insert("os.path", init_path);
    vm.native_modules.insert("posixpath", init_path);
}

fn set(vm: &mut Vm, d: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

fn init_path(vm: &mut Vm) -> PyResult<Value> {
    let os = vm.import("os", Value::NONE, 0, Value::NONE)?;
    let k = vm.intern("path");
    vm.getattr(os, k)
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("os");
    let d = vm.module_dict(m);
    for (k, v) in [
        ("sep", "/"),
        ("linesep", "\n"),
        ("name", "posix"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        let v = vm.new_str(v);
        set(vm, d, k, v);
    }
    set(vm, d, "altsep", Value::NONE);
    let env = vm.new_dict();
    for (k, v) in std::env::vars() {
        let k = vm.new_string(k);
        let v = vm.new_string(v);
        vm.dict_set(env, k, v)?;
    }
    set(vm, d, "environ", env);
    vm.add_fn(d, "getpid", |vm, a| {
        Sig::new("getpid", []).owner("posix").bind(vm, &a)?;
        Ok(vm.new_int(std::process::id() as i64))
    });
    vm.add_fn(d, "getcwd", |vm, a| {
        Sig::new("getcwd", []).owner("posix").bind(vm, &a)?;
        let p = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
        Ok(vm.new_string(p.display().to_string()))
    });
    vm.add_fn(d, "remove", |vm, a| {
        const REMOVE: Sig<2> = path_sig("remove");
        remove(vm, a, &REMOVE)
    });
    vm.add_fn(d, "unlink", |vm, a| {
        const UNLINK: Sig<2> = path_sig("unlink");
        remove(vm, a, &UNLINK)
    });
    vm.add_fn(d, "rmdir", |vm, a| {
        const RMDIR: Sig<2> = path_sig("rmdir");
        let b = RMDIR.bind(vm, &a)?;
        let p = path_param(vm, &b, 0)?;
        no_dir_fd(vm, &b, 1)?;
        std::fs::remove_dir(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "mkdir", |vm, a| {
        /// `mkdir(path, mode=511, *, dir_fd=None)`
        const MKDIR: Sig<3> = Sig::new("mkdir", ["path", "mode", "dir_fd"])
            .posonly(0)
            .kwonly(2)
            .required(1);
        let b = MKDIR.bind(vm, &a)?;
        let p = path_param(vm, &b, 0)?;
        if b.get(1).is_some() {
            to_c_int(vm, b.req(1))?;
        }
        no_dir_fd(vm, &b, 2)?;
        std::fs::create_dir(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "makedirs", |vm, a| {
        /// `makedirs(name, mode=0o777, exist_ok=False)`, a Python function in CPython
        const MAKEDIRS: Sig<3> = Sig::new("makedirs", ["name", "mode", "exist_ok"])
            .posonly(0)
            .required(1)
            .python();
        let b = MAKEDIRS.bind(vm, &a)?;
        let p = path_of(vm, b.req(0), FSPATH)?;
        let exist_ok = b.truth(vm, 2, false)?;
        if !exist_ok && std::path::Path::new(str_of(p)).exists() {
            let e = std::io::Error::from_raw_os_error(17);
            return Err(os_error(vm, &e, Some(p)));
        }
        std::fs::create_dir_all(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "rename", |vm, a| {
        const RENAME: Sig<4> = two_path_sig("rename");
        let b = RENAME.bind(vm, &a)?;
        let (p, q) = (path_param(vm, &b, 0)?, path_param(vm, &b, 1)?);
        no_dir_fd(vm, &b, 2)?;
        no_dir_fd(vm, &b, 3)?;
        std::fs::rename(str_of(p), str_of(q)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "listdir", |vm, a| {
        /// `listdir(path=None)`
        const LISTDIR: Sig<1> = Sig::new("listdir", ["path"]).posonly(0).required(0);
        let p = match LISTDIR.bind(vm, &a)?.opt(0) {
            Some(v) => path_of(
                vm,
                v,
                "listdir: path should be string, bytes, os.PathLike, integer or None",
            )?,
            None => vm.new_str("."),
        };
        let rd = std::fs::read_dir(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        let mut names = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| os_error(vm, &e, Some(p)))?;
            names.push(ent.file_name().to_string_lossy().into_owned());
        }
        let vals = names.into_iter().map(|n| vm.new_string(n)).collect();
        Ok(vm.new_list(vals))
    });
    vm.add_fn(d, "getenv", |vm, a| {
        /// `getenv(key, default=None)`, a Python function in CPython
        const GETENV: Sig<2> = Sig::new("getenv", ["key", "default"])
            .posonly(0)
            .required(1)
            .python();
        let b = GETENV.bind(vm, &a)?;
        let k = b.req(0);
        if !vm.is_str(k) {
            // os.environ's key encoder
            let tn = vm.type_name(k);
            return Err(vm.type_error(&format!("str expected, not {tn}")));
        }
        match std::env::var(str_of(k)) {
            Ok(v) => Ok(vm.new_string(v)),
            Err(_) => Ok(b.get(1).unwrap_or(Value::NONE)),
        }
    });
    vm.add_fn(d, "cpu_count", |vm, a| {
        Sig::new("cpu_count", []).owner("posix").bind(vm, &a)?;
        let n = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        Ok(vm.new_int(n as i64))
    });
    vm.add_fn(d, "urandom", |vm, a| {
        let n = Sig::new("urandom", ["size"])
            .owner("posix")
            .bind(vm, &a)?
            .ssize(vm, 0)?;
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        let n = n as usize;
        vm.check_alloc(n as u128, 1)?;
        let mut buf = vec![0u8; n];
        use std::io::Read;
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            let _ = f.read_exact(&mut buf);
        }
        Ok(vm.new_bytes(buf))
    });
    vm.add_fn(d, "chdir", |vm, a| {
        /// `chdir(path)`
        const CHDIR: Sig<1> = Sig::new("chdir", ["path"]).posonly(0);
        let p = CHDIR.bind(vm, &a)?.req(0);
        let p = path_of(
            vm,
            p,
            "chdir: path should be string, bytes, os.PathLike or integer",
        )?;
        std::env::set_current_dir(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "replace", |vm, a| {
        const REPLACE: Sig<4> = two_path_sig("replace");
        let b = REPLACE.bind(vm, &a)?;
        let (p, q) = (path_param(vm, &b, 0)?, path_param(vm, &b, 1)?);
        no_dir_fd(vm, &b, 2)?;
        no_dir_fd(vm, &b, 3)?;
        std::fs::rename(str_of(p), str_of(q)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "readlink", |vm, a| {
        const READLINK: Sig<2> = path_sig("readlink");
        let b = READLINK.bind(vm, &a)?;
        let p = path_param(vm, &b, 0)?;
        no_dir_fd(vm, &b, 1)?;
        let t = std::fs::read_link(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(vm.new_string(t.display().to_string()))
    });
    vm.add_fn(d, "symlink", |vm, a| {
        /// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`
        const SYMLINK: Sig<4> =
            Sig::new("symlink", ["src", "dst", "target_is_directory", "dir_fd"])
                .posonly(0)
                .kwonly(3)
                .required(2);
        let b = SYMLINK.bind(vm, &a)?;
        let (p, q) = (path_param(vm, &b, 0)?, path_param(vm, &b, 1)?);
        no_dir_fd(vm, &b, 3)?;
        std::os::unix::fs::symlink(str_of(p), str_of(q)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "stat", |vm, a| stat(vm, a, true));
    vm.add_fn(d, "lstat", |vm, a| stat(vm, a, false));
    vm.add_fn(d, "_exit", |vm, a| {
        use std::io::Write;
        /// `_exit(status)`
        const EXIT: Sig<1> = Sig::new("_exit", ["status"]).posonly(0);
        let status = EXIT.bind(vm, &a)?.req(0);
        let code = to_c_int(vm, status)?;
        let _ = vm.stdout.flush();
        std::process::exit(code)
    });

    // the file-descriptor calls and flags come from `posix`, as in CPython
    let posix = vm.import("posix", Value::NONE, 0, Value::NONE)?;
    let pd = vm.module_dict(posix);
    if let crate::object::ObjData::Dict(src) = &pd.obj().data {
        let entries: Vec<(Value, Value)> = src.get().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            if !str_of(k).starts_with("__") {
                vm.dict_set_str(d, k, v);
            }
        }
    }

    let p = vm.new_module("posixpath");
    let pd = vm.module_dict(p);
    let sep = vm.new_str("/");
    set(vm, pd, "sep", sep);
    vm.add_fn(pd, "__getattr__", path_fallback);
    vm.add_fn(pd, "exists", |vm, a| {
        let p = path_py(vm, &a, "exists", "path", STAT_FD)?;
        Ok(Value::bool(std::fs::metadata(str_of(p)).is_ok()))
    });
    vm.add_fn(pd, "isfile", |vm, a| {
        let p = path_py(vm, &a, "isfile", "path", STAT_FD)?;
        Ok(Value::bool(
            std::fs::metadata(str_of(p))
                .map(|m| m.is_file())
                .unwrap_or(false),
        ))
    });
    vm.add_fn(pd, "isdir", |vm, a| {
        let p = path_py(vm, &a, "isdir", "s", STAT_FD)?;
        Ok(Value::bool(
            std::fs::metadata(str_of(p))
                .map(|m| m.is_dir())
                .unwrap_or(false),
        ))
    });
    vm.add_fn(pd, "islink", |vm, a| {
        let p = path_py(vm, &a, "islink", "path", LSTAT)?;
        Ok(Value::bool(
            std::fs::symlink_metadata(str_of(p))
                .map(|m| m.file_type().is_symlink())
                .unwrap_or(false),
        ))
    });
    vm.add_fn(pd, "getsize", |vm, a| {
        let p = path_py(vm, &a, "getsize", "filename", STAT_FD)?;
        let m = std::fs::metadata(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
        Ok(vm.new_int(m.len() as i64))
    });
    vm.add_fn(pd, "isabs", |vm, a| {
        let p = path_py(vm, &a, "isabs", "s", FSPATH)?;
        Ok(Value::bool(str_of(p).starts_with('/')))
    });
    vm.add_fn(pd, "join", join);
    vm.add_fn(pd, "basename", |vm, a| {
        let p = str_of(path_py(vm, &a, "basename", "p", FSPATH)?);
        let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
        Ok(vm.new_str(&p[i..]))
    });
    vm.add_fn(pd, "dirname", |vm, a| {
        let p = str_of(path_py(vm, &a, "dirname", "p", FSPATH)?);
        let (h, _) = split_path(p);
        Ok(vm.new_string(h))
    });
    vm.add_fn(pd, "split", |vm, a| {
        let p = str_of(path_py(vm, &a, "split", "p", FSPATH)?);
        let (h, t) = split_path(p);
        let h = vm.new_string(h);
        let t = vm.new_string(t);
        Ok(vm.new_tuple(vec![h, t]))
    });
    vm.add_fn(pd, "splitext", |vm, a| {
        let p = str_of(path_py(vm, &a, "splitext", "p", FSPATH)?);
        let (r, e) = splitext(p);
        let r = vm.new_str(r);
        let e = vm.new_str(e);
        Ok(vm.new_tuple(vec![r, e]))
    });
    vm.add_fn(pd, "normpath", |vm, a| {
        let p = str_of(path_py(vm, &a, "normpath", "path", FSPATH)?);
        Ok(vm.new_string(normpath(p)))
    });
    vm.add_fn(pd, "abspath", |vm, a| {
        let p = str_of(path_py(vm, &a, "abspath", "path", FSPATH)?);
        let full = if p.starts_with('/') {
            p.to_string()
        } else {
            let cwd = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
            format!("{}/{}", cwd.display(), p)
        };
        Ok(vm.new_string(normpath(&full)))
    });
    vm.add_fn(pd, "expanduser", |vm, a| {
        let p = str_of(path_py(vm, &a, "expanduser", "path", FSPATH)?);
        if let Some(rest) = p.strip_prefix('~')
            && (rest.is_empty() || rest.starts_with('/'))
            && let Ok(h) = std::env::var("HOME")
        {
            return Ok(vm.new_string(format!("{}{}", h.trim_end_matches('/'), rest)));
        }
        Ok(vm.new_str(p))
    });
    set(vm, d, "path", p);
    let key = vm.intern("os.path");
    let modules = vm.modules;
    vm.dict_set_str(modules, key, p);
    vm.temp_roots.push(p);
    let r = crate::modules::itertools::run_source(vm, m, OS_SRC, "<os>");
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

/// The parts of `os` written in Python: `PathLike`, `fspath`, `fsencode`/`fsdecode`,
/// `scandir` and `DirEntry` (over listdir and stat), `walk`, `fdopen`,
/// `get_terminal_size`, `error` and the `supports_*` sets.
const OS_SRC: &str = r#"
import abc as _abc
import sys as _sys

error = OSError
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
supports_dir_fd = set()
supports_effective_ids = set()
supports_fd = set()
supports_follow_symlinks = set()
_native_fspath_arg = stat


class PathLike(_abc.ABC):
    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented

    __class_getitem__ = classmethod(type(list[int]))


PathLike.__module__ = "os"


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__, type(path_repr).__name__))


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def getcwdb():
    return getcwd().encode()


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


class DirEntry:
    def __init__(self, dir, name):
        self.name = name
        self.path = name if dir is None else path.join(dir, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000


DirEntry.__module__ = "posix"


class _ScandirIterator:
    def __init__(self, p):
        self._dir = p
        self._names = iter(listdir(p))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dir, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    dirs, nondirs, walk_dirs = [], [], []
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
        if not topdown and entry.is_dir() and (followlinks or not entry.is_symlink()):
            walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for new in walk_dirs:
            yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class terminal_size(tuple):
    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f"os.terminal_size(columns={self[0]}, lines={self[1]})"


def get_terminal_size(fd=1):
    raise OSError(25, "Inappropriate ioctl for device")


def _get_exports_list(module):
    try:
        return list(module.__all__)
    except AttributeError:
        return [n for n in dir(module) if n[0] != "_"]


WNOHANG = 1
WUNTRACED = 2


def waitpid(pid, options):
    raise ChildProcessError(10, "No child processes")


def waitstatus_to_exitcode(status):
    if status & 0x7F == 0:
        return (status >> 8) & 0xFF
    if (status & 0xFF) == 0x7F:
        raise ValueError(f"process stopped by delivery of signal {(status >> 8) & 0xFF}")
    return -(status & 0x7F)


def WIFSTOPPED(status):
    return (status & 0xFF) == 0x7F


def WSTOPSIG(status):
    return (status >> 8) & 0xFF


def WIFEXITED(status):
    return status & 0x7F == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xFF


def WIFSIGNALED(status):
    return ((status & 0x7F) + 1) >> 1 > 0 and not WIFEXITED(status) and not WIFSTOPPED(status)


def WTERMSIG(status):
    return status & 0x7F


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get("PATH", "/bin:/usr/bin").split(pathsep)


del _native_fspath_arg

_STAT_FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size")


class stat_result(tuple):
    n_sequence_fields = 10
    n_unnamed_fields = 3
    n_fields = 16

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        self = tuple.__new__(cls, seq[:10])
        self._times = seq[10:13] if len(seq) >= 13 else tuple(float(x) for x in seq[7:10])
        return self

    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])
    st_atime_ns = property(lambda self: int(self._times[0] * 1e9))
    st_mtime_ns = property(lambda self: int(self._times[1] * 1e9))
    st_ctime_ns = property(lambda self: int(self._times[2] * 1e9))

    def __repr__(self):
        parts = [f"{n}={v!r}" for n, v in zip(_STAT_FIELDS, self)]
        parts += [f"st_atime={self[7]}", f"st_mtime={self[8]}", f"st_ctime={self[9]}"]
        return "os.stat_result(" + ", ".join(parts) + ")"

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._times,))


for _i, _n in enumerate(_STAT_FIELDS):
    setattr(stat_result, _n, property(lambda self, _i=_i: self[_i]))
del _i, _n
stat_result.__module__ = "os"


def _to_result(n):
    times = (n.st_atime, n.st_mtime, n.st_ctime)
    return stat_result(tuple(n)[:7] + tuple(int(t // 1) for t in times) + times)


_nstat, _nlstat = stat, lstat


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _to_result(_nstat(path) if follow_symlinks else _nlstat(path))


def lstat(path, *, dir_fd=None):
    return _to_result(_nlstat(path))
"#;

/// `name(path, *, dir_fd=None)`: rmdir, remove, unlink, readlink.
const fn path_sig(name: &'static str) -> Sig<2> {
    Sig::new(name, ["path", "dir_fd"])
        .posonly(0)
        .kwonly(1)
        .required(1)
}

/// `name(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`: rename, replace.
const fn two_path_sig(name: &'static str) -> Sig<4> {
    Sig::new(name, ["src", "dst", "src_dir_fd", "dst_dir_fd"])
        .posonly(0)
        .kwonly(2)
        .required(2)
}

/// `os.fspath`'s type error, which the os.path functions CPython writes in
/// Python raise.
const FSPATH: &str = "expected str, bytes or os.PathLike object";
/// The error of `os.stat`'s path converter (which takes a file descriptor too),
/// raised by the os.path functions that call it.
const STAT_FD: &str = "stat: path should be string, bytes, os.PathLike or integer";
const LSTAT: &str = "lstat: path should be string, bytes or os.PathLike";

/// A `path_t` parameter of a native bound by `b`: its str, or CPython's
/// `rmdir: path should be string, bytes or os.PathLike, not float`.
fn path_param<const N: usize>(vm: &mut Vm, b: &Bound<'_, '_, N>, i: usize) -> PyResult<Value> {
    let what = format!(
        "{}: {} should be string, bytes or os.PathLike",
        b.name(),
        b.param(i)
    );
    path_of(vm, b.req(i), &what)
}

/// A `dir_fd` parameter: only None (the default) is supported.
fn no_dir_fd<const N: usize>(vm: &mut Vm, b: &Bound<'_, '_, N>, i: usize) -> PyResult<()> {
    match b.opt(i) {
        None => Ok(()),
        Some(_) => Err(vm.unsupported(&format!("{}() with {}", b.name(), b.param(i)))),
    }
}

/// The single path argument of an os.path function CPython writes in Python
/// (`exists(path)`, `basename(p)`), whose type error is `what`'s.
fn path_py(
    vm: &mut Vm,
    a: &Args,
    name: &'static str,
    param: &'static str,
    what: &str,
) -> PyResult<Value> {
    let sig = Sig::new(name, [param]).posonly(0).python();
    let v = sig.bind(vm, a)?.req(0);
    path_of(vm, v, what)
}

/// A path as a str: a str, or an os.PathLike whose `__fspath__` gives one;
/// otherwise the TypeError `{what}, not {type}`. An int is a file descriptor
/// where `what` says integers are accepted, which Coil does not support.
pub fn path_of(vm: &mut Vm, v: Value, what: &str) -> PyResult<Value> {
    if vm.is_str(v) {
        return Ok(v);
    }
    if vm.is_int(v) && what.contains("integer") {
        return Err(vm.unsupported("file descriptors as paths"));
    }
    if v.is_obj() && !vm.is_int(v) {
        let k = vm.intern("__fspath__");
        let cls = vm.type_of(v);
        if vm.getattr_opt(cls, k)?.is_some() {
            let p = vm.call_method(v, "__fspath__", &[])?;
            if vm.is_str(p) {
                return Ok(p);
            }
            return Err(vm.type_error(&format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                vm.type_name(v),
                vm.type_name(p)
            )));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("{what}, not {tn}")))
}

/// `remove` and `unlink`: the same call under two names.
fn remove(vm: &mut Vm, a: Args, sig: &Sig<2>) -> PyResult<Value> {
    let b = sig.bind(vm, &a)?;
    let p = path_param(vm, &b, 0)?;
    no_dir_fd(vm, &b, 1)?;
    std::fs::remove_file(str_of(p)).map_err(|e| os_error(vm, &e, Some(p)))?;
    Ok(Value::NONE)
}

/// `join(a, *p)`, a Python function in CPython.
fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const JOIN: Sig<1> = Sig::new("join", ["a"]).posonly(0).varargs().python();
    let bound = JOIN.bind(vm, &a)?;
    let mut path = String::from(str_of(path_of(vm, bound.req(0), FSPATH)?));
    for &b in bound.rest {
        if !vm.is_str(b) {
            return Err(vm.type_error(&format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                vm.type_name(b)
            )));
        }
        let b = str_of(b);
        if b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    Ok(vm.new_string(path))
}

fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = (&p[..i], &p[i..]);
    let mut head = head.to_string();
    if !head.is_empty() && !head.chars().all(|c| c == '/') {
        head = head.trim_end_matches('/').to_string();
    }
    (head, tail.to_string())
}

fn splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    if let Some(dot) = p.rfind('.')
        && dot as isize > sep
    {
        let start = (sep + 1) as usize;
        if p[start..dot].bytes().any(|b| b != b'.') {
            return (&p[..dot], &p[dot..]);
        }
    }
    (p, "")
}

fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut s = "/".repeat(initial);
    s.push_str(&comps.join("/"));
    if s.is_empty() { ".".into() } else { s }
}

/// `os.stat(path)` / `os.lstat(path)`: a `stat_result` with the fields programs
/// read (mode, inode, device, links, owner, size and the three times).
fn stat(vm: &mut Vm, a: Args, follow: bool) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    const STAT: Sig<1> = Sig::new("stat", ["path"]).posonly(0);
    const LSTAT_SIG: Sig<1> = Sig::new("lstat", ["path"]).posonly(0);
    let (sig, what) = if follow {
        (&STAT, STAT_FD)
    } else {
        (&LSTAT_SIG, LSTAT)
    };
    let v = sig.bind(vm, &a)?.req(0);
    let p = path_of(vm, v, what)?;
    let md = if follow {
        std::fs::metadata(str_of(p))
    } else {
        std::fs::symlink_metadata(str_of(p))
    };
    let m = md.map_err(|e| os_error(vm, &e, Some(p)))?;
    let fields = [
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
        "st_mtime", "st_ctime",
    ];
    let cls = crate::modules::collections::make_namedtuple(vm, "stat_result", &fields, "os", &[])?;
    vm.temp_roots.push(cls);
    let time = |s: i64, ns: i64| Value::float(s as f64 + ns as f64 * 1e-9);
    let vals = vec![
        vm.new_int(m.mode() as i64),
        vm.new_int(m.ino() as i64),
        vm.new_int(m.dev() as i64),
        vm.new_int(m.nlink() as i64),
        vm.new_int(m.uid() as i64),
        vm.new_int(m.gid() as i64),
        vm.new_int(m.size() as i64),
        time(m.atime(), m.atime_nsec()),
        time(m.mtime(), m.mtime_nsec()),
        time(m.ctime(), m.ctime_nsec()),
    ];
    let r = vm.call(cls, &vals);
    vm.temp_roots.pop();
    r
}

/// `os.path.X` for the functions Coil has no native version of (normcase,
/// relpath, commonpath, expandvars, ...): the standard library's own
/// `posixpath.py`, loaded once beside the native module, answers.
fn path_fallback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const GETATTR: Sig<1> = Sig::new("__getattr__", ["name"]);
    let name = GETATTR.bind(vm, &a)?.req(0);
    if !vm.is_str(name) {
        return Err(vm.type_error("__getattr__ expects a name"));
    }
    let missing = |vm: &mut Vm| {
        vm.attribute_error(&format!(
            "module 'posixpath' has no attribute '{}'",
            str_of(name)
        ))
    };
    // dunder lookups (copy, pickle, inspect probing) never load the fallback
    if str_of(name).starts_with("__") {
        return Err(missing(vm));
    }
    let key = vm.intern("_coil_stdlib_posixpath");
    let modules = vm.modules;
    let m = match vm.dict_get_str(modules, key) {
        Some(m) => m,
        None => {
            let Some(file) = vm.find_stdlib_file("posixpath.py")? else {
                return Err(missing(vm));
            };
            let m = vm.new_module("_coil_stdlib_posixpath");
            vm.dict_set_str(modules, key, m);
            let source = crate::vm::import::read_source(vm, std::path::Path::new(&file))?;
            let code = crate::run::compile_source(vm, &source, &file, "<module>")?;
            let d = vm.module_dict(m);
            if let Err(e) = vm.run_code(code, d, Value::NONE) {
                vm.dict_del_str(modules, key);
                return Err(e);
            }
            m
        }
    };
    let d = vm.module_dict(m);
    match vm.dict_get_str(d, name) {
        Some(v) => Ok(v),
        None => Err(missing(vm)),
    }
}
