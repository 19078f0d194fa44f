//! File objects: `open()` for text and binary files, `io.StringIO`, and the standard
//! streams used by `sys` (stdout writes go through the VM's buffered stdout so they
//! stay ordered with `print`).

use std::any::Any;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use crate::builtins::signature::{Bound, Sig, as_str, to_c_int};
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm, str_of};

enum Kind {
    Stdin,
    Stdout,
    Stderr,
    /// Read-only file: the whole contents are in `buf`.
    Read,
    /// Write-only file ('w', 'a', 'x'): streamed through a buffer.
    Write(BufWriter<File>),
    /// Read/write file ('+' modes): contents in `buf`, written back on flush.
    Update(File),
    /// `io.StringIO`
    Memory,
}

struct State {
    kind: Kind,
    binary: bool,
    closed: bool,
    readable: bool,
    writable: bool,
    append: bool,
    buf: Vec<u8>,
    pos: usize,
    dirty: bool,
}

pub struct FileObj {
    st: RefCell<State>,
    name: Value,
    mode: Value,
}

impl NativeData for FileObj {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.name);
        visit(self.mode);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        let _ = flush_state(st);
    }
}

fn flush_state(st: &mut State) -> std::io::Result<()> {
    match &mut st.kind {
        Kind::Write(w) => w.flush(),
        Kind::Update(f) => {
            if st.dirty {
                f.seek(SeekFrom::Start(0))?;
                f.write_all(&st.buf)?;
                f.set_len(st.buf.len() as u64)?;
                f.flush()?;
                st.dirty = false;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn file_of(v: Value) -> Option<&'static FileObj> {
    match &v.as_obj()?.data {
        ObjData::Native(n) => n.as_any().downcast_ref::<FileObj>(),
        _ => None,
    }
}

/// Whether `f` is the interpreter's own stdout (fd 1) or stderr (fd 2) object.
pub fn is_std_stream(f: Value, fd: i32) -> bool {
    match file_of(f) {
        Some(fo) => matches!(
            (&fo.st.borrow().kind, fd),
            (Kind::Stdout, 1) | (Kind::Stderr, 2) | (Kind::Stdin, 0)
        ),
        None => false,
    }
}

const TYPES: [&str; 5] = [
    "TextIOWrapper",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRandom",
    "StringIO",
];

pub fn register(vm: &mut Vm) {
    // The `_io` module holds the file types from start-up (open() is a builtin).
    let m = vm.new_module("_io");
    let d = vm.module_dict(m);
    let key = vm.intern("_io");
    let modules = vm.modules;
    vm.dict_set_str(modules, key, m);
    let object = vm.types.object;
    for name in TYPES {
        let t = vm.new_native_type(name, "_io", object);
        add_file_methods(vm, t);
        let k = vm.intern(name);
        vm.dict_set_str(d, k, t);
    }
    let sio = io_type(vm, "StringIO");
    vm.add_method(sio, "__new__", stringio_new);
    vm.add_method(sio, "getvalue", stringio_getvalue);
    // io.UnsupportedOperation(OSError, ValueError)
    let ns = vm.new_dict();
    let mk = vm.intern("__module__");
    let mv = vm.intern("io");
    vm.dict_set_str(ns, mk, mv);
    let bases = vec![vm.exc_class("OSError"), vm.exc_class("ValueError")];
    if let Ok(c) = vm.new_class("UnsupportedOperation", "UnsupportedOperation", bases, ns) {
        let k = vm.intern("UnsupportedOperation");
        vm.dict_set_str(d, k, c);
    }
    vm.add_fn(d, "open", open);
    vm.native_modules.insert("io", init_io);
}

fn init_io(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("io");
    let d = vm.module_dict(m);
    let k = vm.intern("_io");
    let modules = vm.modules;
    let src = vm.dict_get_str(modules, k).map(|m| vm.module_dict(m));
    if let Some(src) = src
        && let ObjData::Dict(sd) = &src.obj().data
    {
        let entries: Vec<(Value, Value)> = sd.get().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            if str_of(k) != "__name__" {
                vm.dict_set_str(d, k, v);
            }
        }
    }
    let k = vm.intern("SEEK_SET");
    vm.dict_set_str(d, k, Value::small_int(0));
    let k = vm.intern("SEEK_CUR");
    vm.dict_set_str(d, k, Value::small_int(1));
    let k = vm.intern("SEEK_END");
    vm.dict_set_str(d, k, Value::small_int(2));
    crate::modules::itertools::run_source(vm, m, IO_SRC, "<io>")?;
    Ok(m)
}

/// The parts of `io` written in Python: the abstract base classes (the native file
/// types registered under them), `BytesIO`, and `TextIOWrapper` over a binary buffer
/// (`io.TextIOWrapper(buffer, ...)`; the native `_io.TextIOWrapper` that `open()`
/// returns counts as one for `isinstance`).
const IO_SRC: &str = r#"
import abc as _abc
import _io

DEFAULT_BUFFER_SIZE = 8192
_NativeTextIOWrapper = _io.TextIOWrapper


class IOBase(metaclass=_abc.ABCMeta):
    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


IOBase.__module__ = RawIOBase.__module__ = "io"
BufferedIOBase.__module__ = TextIOBase.__module__ = "io"


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return bytes(b)
    if isinstance(b, memoryview):
        return b.tobytes()
    if isinstance(b, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")


def _size(size):
    if size is None:
        return -1
    if not hasattr(size, "__index__"):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


class BytesIO(BufferedIOBase):
    def __init__(self, initial_bytes=None):
        self._buf = bytearray() if initial_bytes is None else bytearray(_bytes_like(initial_bytes))
        self._pos = 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def getbuffer(self):
        self._checkClosed()
        return memoryview(self._buf)

    def readable(self):
        self._checkClosed()
        return True

    writable = seekable = readable

    def read(self, size=-1):
        self._checkClosed()
        size = _size(size)
        end = len(self._buf) if size < 0 else min(len(self._buf), self._pos + size)
        start = min(self._pos, len(self._buf))
        b = bytes(self._buf[start:end])
        self._pos = max(self._pos, end)
        return b

    read1 = read

    def readline(self, size=-1):
        self._checkClosed()
        size = _size(size)
        start = min(self._pos, len(self._buf))
        i = self._buf.find(b"\n", start)
        end = len(self._buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = end
        return bytes(self._buf[start:end])

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def write(self, b):
        self._checkClosed()
        data = _bytes_like(b)
        n = len(data)
        if self._pos > len(self._buf):
            self._buf.extend(bytes(self._pos - len(self._buf)))
        self._buf[self._pos:self._pos + n] = data
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        size = self._pos if size is None else size.__index__()
        if size < 0:
            raise ValueError(f"negative size value {size}")
        del self._buf[size:]
        return size

    def __getstate__(self):
        return (self.getvalue(), self._pos, getattr(self, "__dict__", None))


class TextIOWrapper(TextIOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if encoding is None or encoding == "locale":
            encoding = "UTF-8" if encoding == "locale" else "utf-8"
        if not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        self.buffer = buffer
        self.encoding = encoding
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self.write_through = write_through
        self._text = ""
        self._tpos = 0

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    @property
    def newlines(self):
        return None

    def close(self):
        if not self.buffer.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def detach(self):
        self.flush()
        b = self.buffer
        self.buffer = None
        return b

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def flush(self):
        self.buffer.flush()

    def _decode(self, b):
        s = b.decode(self.encoding, self.errors)
        if self._newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s

    def _fill(self):
        b = self.buffer.read()
        if b:
            self._text = self._text[self._tpos:] + self._decode(b)
            self._tpos = 0

    def read(self, size=-1):
        self._checkClosed()
        size = _size(size)
        self._fill()
        start = self._tpos
        end = len(self._text) if size < 0 else min(len(self._text), start + size)
        self._tpos = end
        return self._text[start:end]

    def readline(self, size=-1):
        self._checkClosed()
        size = _size(size)
        self._fill()
        start = self._tpos
        t = self._text
        if self._newline in (None, "\n", ""):
            i = t.find("\n", start)
            end = len(t) if i < 0 else i + 1
        else:
            i = t.find(self._newline, start)
            end = len(t) if i < 0 else i + len(self._newline)
        if size >= 0:
            end = min(end, start + size)
        self._tpos = end
        return t[start:end]

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        n = len(s)
        if self._newline not in (None, "", "\n"):
            s = s.replace("\n", self._newline)
        self.buffer.write(s.encode(self.encoding, self.errors))
        if self.line_buffering and ("\n" in s or "\r" in s):
            self.flush()
        return n

    def tell(self):
        rest = self._text[self._tpos:]
        return self.buffer.tell() - len(rest.encode(self.encoding, self.errors))

    def seek(self, cookie, whence=0):
        self._checkClosed()
        if whence == 1 and cookie == 0:
            cookie, whence = self.tell(), 0
        elif whence == 1:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        elif whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        self.flush()
        self._text = ""
        self._tpos = 0
        return self.buffer.seek(cookie, whence)

    def truncate(self, pos=None):
        self.flush()
        return self.buffer.truncate(pos)

    def __repr__(self):
        try:
            name = self.name
        except Exception:
            return f"<_io.TextIOWrapper encoding='{self.encoding}'>"
        return f"<_io.TextIOWrapper name={name!r} encoding='{self.encoding}'>"


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self.seennl = 0
        self.pendingcr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf, flag = b"", 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self.seennl]


class FileIO(RawIOBase):
    """A file descriptor as a binary file (what `open(fd)` and `io.open(fd)` give)."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        import os
        self._os = os
        self._closed = True
        m = mode.replace("b", "").replace("t", "")
        self._readable = "r" in m or "+" in m
        self._writable = any(c in m for c in "wax+")
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
        else:
            flags = 0
            if "+" in m:
                flags |= os.O_RDWR
            elif "r" in m:
                flags |= os.O_RDONLY
            else:
                flags |= os.O_WRONLY
            if "w" in m:
                flags |= os.O_CREAT | os.O_TRUNC
            elif "a" in m:
                flags |= os.O_CREAT | os.O_APPEND
            elif "x" in m:
                flags |= os.O_CREAT | os.O_EXCL
            fd = opener(file, flags) if opener is not None else os.open(file, flags, 0o666)
            closefd = True
        self._fd = fd
        self.name = file
        self._closefd = closefd
        self._closed = False
        self.mode = ("rb+" if "r" in m else "wb+" if "w" in m else "ab+" if "a" in m
                     else "xb+") if "+" in m else (
                     "rb" if "r" in m else "wb" if "w" in m else "ab" if "a" in m else "xb")

    @property
    def closed(self):
        return self._closed

    @property
    def closefd(self):
        return self._closefd

    def close(self):
        if not self._closed:
            self._closed = True
            if self._closefd:
                self._os.close(self._fd)

    def fileno(self):
        self._checkClosed()
        return self._fd

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def seekable(self):
        self._checkClosed()
        try:
            self._os.lseek(self._fd, 0, 1)
            return True
        except OSError:
            return False

    def isatty(self):
        self._checkClosed()
        return self._os.isatty(self._fd)

    def read(self, size=-1):
        self._checkClosed()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")
        size = _size(size)
        if size < 0:
            return self.readall()
        return self._os.read(self._fd, size)

    def readall(self):
        chunks = []
        while True:
            b = self._os.read(self._fd, 65536)
            if not b:
                return b"".join(chunks)
            chunks.append(b)

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        size = _size(size)
        out = bytearray()
        while size < 0 or len(out) < size:
            c = self.read(1)
            if not c:
                break
            out += c
            if c == b"\n":
                break
        return bytes(out)

    def write(self, b):
        self._checkClosed()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        return self._os.write(self._fd, _bytes_like(b))

    def seek(self, pos, whence=0):
        self._checkClosed()
        return self._os.lseek(self._fd, pos, whence)

    def tell(self):
        self._checkClosed()
        return self._os.lseek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self.tell()
        self._os.ftruncate(self._fd, size)
        return size

    def __repr__(self):
        if self._closed:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd}>"


_native_open = _io.open


def text_encoding(encoding, stacklevel=2):
    return "locale" if encoding is None else encoding


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if encoding == "locale":
        encoding = None
    if not isinstance(file, (str, int)) and hasattr(type(file), "__fspath__"):
        import os
        file = os.fspath(file)
    if isinstance(file, int) or opener is not None:
        raw = FileIO(file, mode, closefd, opener)
        if "b" in mode:
            return raw
        return TextIOWrapper(raw, encoding, errors, newline, line_buffering=buffering == 1)
    return _native_open(file, mode, buffering, encoding, errors, newline, closefd)


def open_code(path):
    return open(path, "rb")


FileIO.__module__ = "_io"
IncrementalNewlineDecoder.__module__ = "_io"
_io.IncrementalNewlineDecoder = IncrementalNewlineDecoder
BytesIO.__module__ = TextIOWrapper.__module__ = "_io"
TextIOWrapper.register(_NativeTextIOWrapper)
TextIOBase.register(_io.StringIO)
BufferedIOBase.register(_io.BufferedReader)
BufferedIOBase.register(_io.BufferedWriter)
BufferedIOBase.register(_io.BufferedRandom)
_io.BytesIO = BytesIO
_io.DEFAULT_BUFFER_SIZE = DEFAULT_BUFFER_SIZE
"#;

fn io_attr(vm: &mut Vm, name: &str) -> Value {
    let key = vm.intern("_io");
    let modules = vm.modules;
    let m = vm.dict_get_str(modules, key).expect("_io module");
    let d = vm.module_dict(m);
    let k = vm.intern(name);
    vm.dict_get_str(d, k).expect("_io attribute")
}

fn io_type(vm: &mut Vm, name: &str) -> Value {
    io_attr(vm, name)
}

fn add_property(vm: &mut Vm, cls: Value, name: &'static str, f: crate::object::NativeFn) {
    let g = vm.new_builtin(name, f);
    let p = vm.new_readonly_property(g);
    let k = vm.intern(name);
    vm.type_set_attr(cls, k, p);
}

fn add_file_methods(vm: &mut Vm, t: Value) {
    vm.add_method(t, "read", read);
    vm.add_method(t, "readline", readline);
    vm.add_method(t, "readlines", readlines);
    vm.add_method(t, "write", write);
    vm.add_method(t, "writelines", writelines);
    vm.add_method(t, "close", close);
    vm.add_method(t, "flush", flush);
    vm.add_method(t, "seek", seek);
    vm.add_method(t, "tell", tell);
    vm.add_method(t, "truncate", truncate);
    vm.add_method(t, "readable", |vm, a| {
        const READABLE: Sig<0> = Sig::new("readable", []).method();
        bind_file(vm, &READABLE, &a)?;
        let f = this(vm, a)?;
        Ok(Value::bool(f.st.borrow().readable))
    });
    vm.add_method(t, "writable", |vm, a| {
        const WRITABLE: Sig<0> = Sig::new("writable", []).method();
        bind_file(vm, &WRITABLE, &a)?;
        let f = this(vm, a)?;
        Ok(Value::bool(f.st.borrow().writable))
    });
    vm.add_method(t, "seekable", |vm, a| {
        const SEEKABLE: Sig<0> = Sig::new("seekable", []).method();
        bind_file(vm, &SEEKABLE, &a)?;
        let f = this(vm, a)?;
        Ok(Value::bool(!matches!(
            f.st.borrow().kind,
            Kind::Stdin | Kind::Stdout | Kind::Stderr
        )))
    });
    vm.add_method(t, "isatty", |vm, a| {
        const ISATTY: Sig<0> = Sig::new("isatty", []).method();
        bind_file(vm, &ISATTY, &a)?;
        let f = this(vm, a)?;
        use std::io::IsTerminal;
        Ok(Value::bool(match f.st.borrow().kind {
            Kind::Stdin => std::io::stdin().is_terminal(),
            Kind::Stdout => std::io::stdout().is_terminal(),
            Kind::Stderr => std::io::stderr().is_terminal(),
            _ => false,
        }))
    });
    vm.add_method(t, "fileno", |vm, a| {
        const FILENO: Sig<0> = Sig::new("fileno", []).method();
        bind_file(vm, &FILENO, &a)?;
        let f = this(vm, a)?;
        let n = match f.st.borrow().kind {
            Kind::Stdin => 0,
            Kind::Stdout => 1,
            Kind::Stderr => 2,
            _ => return Err(vm.unsupported("fileno() of files")),
        };
        Ok(Value::small_int(n))
    });
    vm.add_method(t, "__enter__", |vm, a| {
        /// `_IOBase.__enter__()`
        const ENTER: Sig<0> = Sig::new("_IOBase.__enter__", []).method();
        let recv = ENTER.bind(vm, &a)?.recv;
        let f = this(vm, a)?;
        check_open(vm, f)?;
        Ok(recv)
    });
    vm.add_method(t, "__exit__", |vm, a| {
        /// `_IOBase.__exit__(*args)`: any positional arguments, no keywords
        const EXIT: Sig<0> = Sig::new("_IOBase.__exit__", []).method().varargs();
        let recv = EXIT.bind(vm, &a)?.recv;
        close(vm, Args::new(&[recv]))?;
        Ok(Value::NONE)
    });
    vm.add_method(t, "__iter__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let f = this(vm, a)?;
        check_open(vm, f)?;
        Ok(recv)
    });
    vm.add_method(t, "__next__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let line = readline(vm, Args::new(&[recv]))?;
        if vm.len(line)? == 0 {
            return Err(vm.stop_iteration(Value::NONE));
        }
        Ok(line)
    });
    vm.add_method(t, "__repr__", file_repr);
    add_property(vm, t, "closed", |vm, a| {
        let f = this(vm, a)?;
        Ok(Value::bool(f.st.borrow().closed))
    });
    add_property(vm, t, "name", |vm, a| {
        let f = this(vm, a)?;
        Ok(f.name)
    });
    add_property(vm, t, "mode", |vm, a| {
        let f = this(vm, a)?;
        Ok(f.mode)
    });
    add_property(vm, t, "encoding", |vm, a| {
        let _ = this(vm, a)?;
        Ok(vm.new_str("utf-8"))
    });
}

/// The class CPython 3.11 defines file method `m` in for the `_io` type of
/// `recv` (an instance of it or of a subclass): its messages name that class
/// (`StringIO.write()`, `TextIOWrapper.close()`, `_IOBase.flush()` for a
/// StringIO, which inherits it).
fn method_owner(vm: &mut Vm, recv: Value, m: &str) -> &'static str {
    let mut t = "_IOBase";
    for name in TYPES {
        let c = io_type(vm, name);
        if vm.isinstance(recv, c) {
            t = name;
            break;
        }
    }
    match (t, m) {
        ("StringIO", "flush" | "isatty" | "fileno") => "_IOBase",
        ("BufferedReader", "write") | ("BufferedWriter", "read") => "_BufferedIOBase",
        ("BufferedReader", "writable") | ("BufferedWriter", "readline" | "readable") => "_IOBase",
        _ => t,
    }
}

/// Binds a file method's arguments to `sig` (which names no owner: the same
/// natives serve every `_io` type); an error is raised from binding again with
/// the receiver's defining class as owner ([`method_owner`]), for CPython's
/// message.
fn bind_file<'s, 'a, const N: usize>(
    vm: &mut Vm,
    sig: &'s Sig<N>,
    a: &Args<'a>,
) -> PyResult<Bound<'s, 'a, N>> {
    match sig.bind(vm, a) {
        Ok(b) => Ok(b),
        Err(e) => {
            let Some(&recv) = a.pos.first() else {
                return Err(e);
            };
            let owner = method_owner(vm, recv, sig.name);
            match sig.owner(owner).bind(vm, a) {
                Err(e) => Err(e),
                Ok(_) => Err(e),
            }
        }
    }
}

/// The slot methods' signature (`__iter__`, `__next__`, `__repr__`: the call
/// path checks their arity too).
const NOARGS: Sig<0> = Sig::new("method", []).method();

fn this(vm: &mut Vm, a: Args) -> PyResult<&'static FileObj> {
    match a.get(0).and_then(file_of) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn check_open(vm: &mut Vm, f: &FileObj) -> PyResult<()> {
    if f.st.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn unsupported_op(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = io_attr(vm, "UnsupportedOperation");
    let e = vm.new_exception_msg(cls, msg);
    PyErr(e)
}

/// An OSError subclass chosen by errno, with (errno, strerror, filename).
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let cls_name = match errno {
        2 => "FileNotFoundError",
        1 | 13 => "PermissionError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        _ => "OSError",
    };
    let full = e.to_string();
    let strerror = match full.rfind(" (os error ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let cls = vm.exc_class(cls_name);
    let ev = Value::small_int(errno as i64);
    let sv = vm.new_string(strerror);
    // (as CPython's: a filename is an attribute, not in args)
    let exc = vm.new_exception(cls, vec![ev, sv]);
    for (k, v) in [
        ("errno", ev),
        ("strerror", sv),
        ("filename", filename.unwrap_or(Value::NONE)),
        ("filename2", Value::NONE),
    ] {
        let k = vm.intern(k);
        vm.instance_set_attr(exc, k, v);
    }
    PyErr(exc)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`
const OPEN: Sig<8> = Sig::new(
    "open",
    [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ],
)
.posonly(0)
.required(1);

pub fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = OPEN.bind(vm, &a)?;
    // the conversions Argument Clinic makes, in order, before the body runs
    let mode = b.str_or(vm, 1, "r")?.to_string();
    if let Some(v) = b.get(2) {
        to_c_int(vm, v)?;
    }
    let encoding = b.opt_str(vm, 3)?;
    b.opt_str(vm, 4)?;
    let newline_raw = b.opt_str(vm, 5)?.map(str::to_string);
    b.int_flag(vm, 6, true)?;
    let file = b.req(0);
    if !vm.is_str(file) {
        if vm.is_int(file) {
            return Err(vm.unsupported("open() of a file descriptor"));
        }
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(file)
        )));
    }
    let mut kind_c = None;
    let (mut plus, mut binary, mut text) = (false, false, false);
    for c in mode.chars() {
        match c {
            'r' | 'w' | 'a' | 'x' if kind_c.is_none() => kind_c = Some(c),
            '+' if !plus => plus = true,
            'b' if !binary => binary = true,
            't' if !text => text = true,
            _ => return Err(vm.value_error(&format!("invalid mode: '{mode}'"))),
        }
    }
    if binary && text {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let Some(kc) = kind_c else {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    let path = str_of(file).to_string();
    let mut oo = std::fs::OpenOptions::new();
    match kc {
        'r' => {
            oo.read(true);
            if plus {
                oo.write(true);
            }
        }
        'w' => {
            oo.write(true).create(true).truncate(true);
            if plus {
                oo.read(true);
            }
        }
        'a' => {
            oo.append(true).create(true);
            if plus {
                oo.read(true);
            }
        }
        _ => {
            oo.write(true).create_new(true);
            if plus {
                oo.read(true);
            }
        }
    }
    let mut f = oo.open(&path).map_err(|e| os_error(vm, &e, Some(file)))?;
    if let Ok(md) = f.metadata()
        && md.is_dir()
    {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(file)));
    }
    let translate = newline_raw.is_none();
    let mut buf = Vec::new();
    let needs_contents = kc == 'r' || plus;
    if needs_contents {
        f.read_to_end(&mut buf)
            .map_err(|e| os_error(vm, &e, Some(file)))?;
        if !binary {
            buf = decode_text(vm, buf, translate)?;
        }
    }
    let pos = if kc == 'a' { buf.len() } else { 0 };
    let kind = if plus {
        Kind::Update(f)
    } else if kc == 'r' {
        Kind::Read
    } else {
        Kind::Write(BufWriter::with_capacity(1 << 16, f))
    };
    let st = State {
        kind,
        binary,
        closed: false,
        readable: kc == 'r' || plus,
        writable: kc != 'r' || plus,
        append: kc == 'a',
        buf,
        pos,
        dirty: false,
    };
    let tname = if !binary {
        "TextIOWrapper"
    } else if plus {
        "BufferedRandom"
    } else if kc == 'r' {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    let cls = io_type(vm, tname);
    let mode_v = vm.new_string(mode);
    Ok(vm.alloc(
        cls,
        ObjData::Native(Box::new(FileObj {
            st: RefCell::new(st),
            name: file,
            mode: mode_v,
        })),
    ))
}

fn decode_text(vm: &mut Vm, buf: Vec<u8>, translate: bool) -> PyResult<Vec<u8>> {
    let s = match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let obj = vm.new_bytes(e.as_bytes().to_vec());
            return Err(crate::builtins::bytes::unicode_error(
                vm,
                "UnicodeDecodeError",
                "utf-8",
                obj,
                (pos, pos + 1),
                "invalid start byte",
            ));
        }
    };
    if translate && s.contains('\r') {
        Ok(s.replace("\r\n", "\n").replace('\r', "\n").into_bytes())
    } else {
        Ok(s.into_bytes())
    }
}

/// A standard stream object (`sys.stdin`, `sys.stdout`, `sys.stderr`).
pub fn std_stream(vm: &mut Vm, fd: i32) -> Value {
    let (kind, name, mode) = match fd {
        0 => (Kind::Stdin, "<stdin>", "r"),
        1 => (Kind::Stdout, "<stdout>", "w"),
        _ => (Kind::Stderr, "<stderr>", "w"),
    };
    let st = State {
        kind,
        binary: false,
        closed: false,
        readable: fd == 0,
        writable: fd != 0,
        append: false,
        buf: Vec::new(),
        pos: 0,
        dirty: false,
    };
    let cls = io_type(vm, "TextIOWrapper");
    let name = vm.new_str(name);
    let mode = vm.new_str(mode);
    vm.alloc(
        cls,
        ObjData::Native(Box::new(FileObj {
            st: RefCell::new(st),
            name,
            mode,
        })),
    )
}

/// `StringIO(initial_value='', newline='\n')`
const STRINGIO: Sig<2> = Sig::new("StringIO", ["initial_value", "newline"])
    .posonly(0)
    .required(0)
    .constructor();

fn stringio_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = STRINGIO.bind(vm, &a)?;
    let init = b.opt(0);
    // (a str subclass's text too)
    let buf = match init.map(|v| (v, as_str(v))) {
        Some((_, Some(s))) => s.as_bytes().to_vec(),
        Some((v, None)) => {
            return Err(vm.type_error(&format!(
                "initial_value must be str or None, not {}",
                vm.type_name(v)
            )));
        }
        None => Vec::new(),
    };
    let st = State {
        kind: Kind::Memory,
        binary: false,
        closed: false,
        readable: true,
        writable: true,
        append: false,
        buf,
        pos: 0,
        dirty: false,
    };
    let cls = b.recv;
    let name = Value::NONE;
    let mode = Value::NONE;
    Ok(vm.alloc(
        cls,
        ObjData::Native(Box::new(FileObj {
            st: RefCell::new(st),
            name,
            mode,
        })),
    ))
}

fn stringio_getvalue(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `getvalue()`
    const GETVALUE: Sig<0> = Sig::new("getvalue", []).method();
    bind_file(vm, &GETVALUE, &a)?;
    let f = this(vm, a)?;
    check_open(vm, f)?;
    let s = String::from_utf8_lossy(&f.st.borrow().buf).into_owned();
    Ok(vm.new_string(s))
}

fn file_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let f = this(vm, a)?;
    let tname = vm.type_name(recv);
    if f.name.is_none() {
        return Ok(vm.new_string(format!(
            "<_io.{tname} object at {:#x}>",
            recv.0 & 0xFFFF_FFFF_FFFF
        )));
    }
    if f.st.borrow().closed {
        return Ok(vm.new_string(format!("<_io.{tname} [closed]>")));
    }
    let name = vm.repr_string(f.name)?;
    let s = if f.st.borrow().binary {
        format!("<_io.{tname} name={name}>")
    } else {
        format!(
            "<_io.{tname} name={name} mode='{}' encoding='UTF-8'>",
            str_of(f.mode)
        )
    };
    Ok(vm.new_string(s))
}

fn make_result(vm: &mut Vm, binary: bool, bytes: &[u8]) -> Value {
    if binary {
        vm.new_bytes(bytes.to_vec())
    } else {
        // Text buffers always hold valid UTF-8 and are cut at char boundaries.
        vm.new_string(String::from_utf8_lossy(bytes).into_owned())
    }
}

fn check_readable(vm: &mut Vm, f: &FileObj) -> PyResult<()> {
    check_open(vm, f)?;
    if !f.st.borrow().readable {
        return Err(unsupported_op(vm, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &mut Vm, f: &FileObj) -> PyResult<()> {
    check_open(vm, f)?;
    if !f.st.borrow().writable {
        return Err(unsupported_op(vm, "not writable"));
    }
    Ok(())
}

fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.index_of(v)? {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => Err(vm.type_error(&format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

fn read_stdin_line(vm: &mut Vm) -> PyResult<String> {
    let _ = vm.stdout.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(_) => Ok(line),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn read(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `read(size=-1, /)`
    const READ: Sig<1> = Sig::new("read", ["size"]).method().required(0);
    let b = bind_file(vm, &READ, &a)?;
    let f = this(vm, a)?;
    check_readable(vm, f)?;
    let n = size_arg(vm, b.get(0))?;
    if matches!(f.st.borrow().kind, Kind::Stdin) {
        let _ = vm.stdout.flush();
        let mut s = String::new();
        match n {
            None => {
                std::io::stdin()
                    .read_to_string(&mut s)
                    .map_err(|e| os_error(vm, &e, None))?;
            }
            Some(n) => {
                while s.chars().count() < n {
                    let line = read_stdin_line(vm)?;
                    if line.is_empty() {
                        break;
                    }
                    s.push_str(&line);
                }
                if s.chars().count() > n {
                    return Err(vm.unsupported("sys.stdin.read(n) with a partial line"));
                }
            }
        }
        return Ok(vm.new_string(s));
    }
    let mut st = f.st.borrow_mut();
    let start = st.pos.min(st.buf.len());
    let end = match n {
        None => st.buf.len(),
        Some(n) if st.binary => (start + n).min(st.buf.len()),
        Some(n) => {
            let rest = &st.buf[start..];
            let mut count = 0;
            let mut i = 0;
            while i < rest.len() && count < n {
                i += utf8_len(rest[i]);
                count += 1;
            }
            start + i.min(rest.len())
        }
    };
    st.pos = end;
    let binary = st.binary;
    let bytes = st.buf[start..end].to_vec();
    drop(st);
    Ok(make_result(vm, binary, &bytes))
}

fn utf8_len(b: u8) -> usize {
    if b < 0x80 {
        1
    } else if b >= 0xF0 {
        4
    } else if b >= 0xE0 {
        3
    } else {
        2
    }
}

fn readline(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `readline(size=-1, /)`
    const READLINE: Sig<1> = Sig::new("readline", ["size"]).method().required(0);
    let b = bind_file(vm, &READLINE, &a)?;
    let f = this(vm, a)?;
    check_readable(vm, f)?;
    let limit = size_arg(vm, b.get(0))?;
    if matches!(f.st.borrow().kind, Kind::Stdin) {
        let line = read_stdin_line(vm)?;
        if limit.is_some() {
            return Err(vm.unsupported("sys.stdin.readline(size)"));
        }
        return Ok(vm.new_string(line));
    }
    let mut st = f.st.borrow_mut();
    let start = st.pos.min(st.buf.len());
    let rest = &st.buf[start..];
    let mut end = match rest.iter().position(|&b| b == b'\n') {
        Some(i) => start + i + 1,
        None => st.buf.len(),
    };
    if let Some(n) = limit {
        if st.binary {
            end = end.min(start + n);
        } else {
            let mut i = start;
            let mut count = 0;
            while i < end && count < n {
                i += utf8_len(st.buf[i]);
                count += 1;
            }
            end = i.min(end);
        }
    }
    st.pos = end;
    let binary = st.binary;
    let bytes = st.buf[start..end].to_vec();
    drop(st);
    Ok(make_result(vm, binary, &bytes))
}

fn readlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `_IOBase.readlines(hint=-1, /)`
    const READLINES: Sig<1> = Sig::new("readlines", ["hint"])
        .method()
        .required(0)
        .owner("_IOBase");
    let b = READLINES.bind(vm, &a)?;
    let f = this(vm, a)?;
    check_readable(vm, f)?;
    let hint = size_arg(vm, b.get(0))?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let l = readline(vm, Args::new(&[b.recv]))?;
        let n = vm.len(l)?;
        if n == 0 {
            break;
        }
        total += n;
        lines.push(l);
        if let Some(h) = hint
            && h > 0
            && total >= h
        {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `write(s, /)`: `StringIO.write() takes exactly one argument (0 given)`
    const WRITE: Sig<1> = Sig::new("write", ["s"]).method();
    let b = bind_file(vm, &WRITE, &a)?;
    let f = this(vm, a)?;
    check_writable(vm, f)?;
    let v = b.req(0);
    let binary = f.st.borrow().binary;
    let (data, count): (Vec<u8>, usize) = if binary {
        match &v.as_obj().map(|o| &o.data) {
            Some(ObjData::Bytes(b)) => (b.to_vec(), b.len()),
            Some(ObjData::ByteArray(b)) => (b.get().clone(), b.get().len()),
            _ => {
                return Err(vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                )));
            }
        }
    } else {
        if !vm.is_str(v) {
            let tn = vm.type_name(v);
            return Err(
                vm.type_error(&if matches!(f.st.borrow().kind, Kind::Memory) {
                    // StringIO's own wording
                    format!("string argument expected, got '{tn}'")
                } else {
                    format!("write() argument must be str, not {tn}")
                }),
            );
        }
        let s = str_of(v);
        let n = match &v.obj().data {
            ObjData::Str(p) => p.char_len,
            _ => s.chars().count(),
        };
        (s.as_bytes().to_vec(), n)
    };
    write_bytes(vm, f, &data)?;
    Ok(vm.new_int(count as i64))
}

fn write_bytes(vm: &mut Vm, f: &FileObj, data: &[u8]) -> PyResult<()> {
    let mut st = f.st.borrow_mut();
    let r = match &mut st.kind {
        Kind::Stdout => {
            drop(st);
            return vm
                .stdout
                .write_all(data)
                .map_err(|e| os_error(vm, &e, None));
        }
        Kind::Stderr => {
            drop(st);
            let _ = vm.stdout.flush();
            let mut err = std::io::stderr();
            return err
                .write_all(data)
                .and_then(|_| err.flush())
                .map_err(|e| os_error(vm, &e, None));
        }
        Kind::Write(w) => w.write_all(data),
        Kind::Stdin | Kind::Read => Ok(()),
        Kind::Update(_) | Kind::Memory => {
            if st.append {
                st.pos = st.buf.len();
            }
            let pos = st.pos;
            if pos > st.buf.len() {
                st.buf.resize(pos, 0);
            }
            let end = pos + data.len();
            let overlap = end.min(st.buf.len());
            st.buf[pos..overlap].copy_from_slice(&data[..overlap - pos]);
            st.buf.extend_from_slice(&data[overlap - pos..]);
            st.pos = end;
            st.dirty = true;
            Ok(())
        }
    };
    drop(st);
    r.map_err(|e| os_error(vm, &e, None))
}

fn writelines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `_IOBase.writelines(lines, /)`
    const WRITELINES: Sig<1> = Sig::new("_IOBase.writelines", ["lines"]).method();
    let b = WRITELINES.bind(vm, &a)?;
    let f = this(vm, a)?;
    check_writable(vm, f)?;
    let items = vm.collect_iter(b.req(0))?;
    for it in items {
        write(vm, Args::new(&[b.recv, it]))?;
    }
    Ok(Value::NONE)
}

/// `close()`
const CLOSE: Sig<0> = Sig::new("close", []).method();

fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    bind_file(vm, &CLOSE, &a)?;
    let f = this(vm, a)?;
    let mut st = f.st.borrow_mut();
    if st.closed {
        return Ok(Value::NONE);
    }
    if matches!(st.kind, Kind::Stdout) {
        drop(st);
        let _ = vm.stdout.flush();
        return Ok(Value::NONE);
    }
    let r = flush_state(&mut st);
    st.closed = true;
    if !matches!(st.kind, Kind::Memory | Kind::Stdin | Kind::Stderr) {
        st.kind = Kind::Read;
        st.buf = Vec::new();
    }
    drop(st);
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `flush()`
    const FLUSH: Sig<0> = Sig::new("flush", []).method();
    bind_file(vm, &FLUSH, &a)?;
    let f = this(vm, a)?;
    check_open(vm, f)?;
    let mut st = f.st.borrow_mut();
    if matches!(st.kind, Kind::Stdout) {
        drop(st);
        let _ = vm.stdout.flush();
        return Ok(Value::NONE);
    }
    let r = flush_state(&mut st);
    drop(st);
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::NONE)
}

fn seek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `seek(pos, whence=0, /)`
    const SEEK: Sig<2> = Sig::new("seek", ["pos", "whence"]).method().required(1);
    let b = bind_file(vm, &SEEK, &a)?;
    let f = this(vm, a)?;
    check_open(vm, f)?;
    let off = b.ssize(vm, 0)?;
    let whence = match b.get(1) {
        Some(w) => i64::from(to_c_int(vm, w)?),
        None => 0,
    };
    let mut st = f.st.borrow_mut();
    if let Kind::Write(w) = &mut st.kind {
        let sf = match whence {
            0 => SeekFrom::Start(off.max(0) as u64),
            1 => SeekFrom::Current(off),
            _ => SeekFrom::End(off),
        };
        let r = w.seek(sf);
        drop(st);
        let p = r.map_err(|e| os_error(vm, &e, None))?;
        return Ok(vm.new_int(p as i64));
    }
    if matches!(st.kind, Kind::Stdin | Kind::Stdout | Kind::Stderr) {
        drop(st);
        return Err(unsupported_op(vm, "underlying stream is not seekable"));
    }
    let binary = st.binary;
    let newpos: i64 = match whence {
        0 => off,
        1 if binary || off == 0 => st.pos as i64 + off,
        2 if binary || off == 0 => st.buf.len() as i64 + off,
        1 | 2 => {
            drop(st);
            return Err(unsupported_op(
                vm,
                if whence == 1 {
                    "can't do nonzero cur-relative seeks"
                } else {
                    "can't do nonzero end-relative seeks"
                },
            ));
        }
        _ => {
            drop(st);
            return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    if newpos < 0 {
        drop(st);
        return Err(vm.value_error(&format!("negative seek position {newpos}")));
    }
    st.pos = newpos as usize;
    Ok(vm.new_int(newpos))
}

fn tell(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `tell()`
    const TELL: Sig<0> = Sig::new("tell", []).method();
    bind_file(vm, &TELL, &a)?;
    let f = this(vm, a)?;
    check_open(vm, f)?;
    let mut st = f.st.borrow_mut();
    let p = match &mut st.kind {
        Kind::Write(w) => match w.stream_position() {
            Ok(p) => p as i64,
            Err(e) => {
                drop(st);
                return Err(os_error(vm, &e, None));
            }
        },
        Kind::Stdin | Kind::Stdout | Kind::Stderr => {
            drop(st);
            return Err(unsupported_op(vm, "underlying stream is not seekable"));
        }
        _ => st.pos as i64,
    };
    drop(st);
    Ok(vm.new_int(p))
}

fn truncate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `truncate(pos=None, /)`
    const TRUNCATE: Sig<1> = Sig::new("truncate", ["pos"]).method().required(0);
    let b = bind_file(vm, &TRUNCATE, &a)?;
    let f = this(vm, a)?;
    check_writable(vm, f)?;
    let size = size_arg(vm, b.get(0))?;
    let mut st = f.st.borrow_mut();
    match &mut st.kind {
        Kind::Update(_) | Kind::Memory => {
            let n = size.unwrap_or(st.pos);
            st.buf.truncate(n);
            st.dirty = true;
            Ok(vm.new_int(n as i64))
        }
        _ => {
            drop(st);
            Err(vm.unsupported("truncate() on this file"))
        }
    }
}
