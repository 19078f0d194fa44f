//! Exceptions: the built-in hierarchy, constructors for the errors the runtime raises,
//! BaseException's methods, and tracebacks printed in CPython's format.

use std::io::Write;

use crate::builtins::signature::Sig;
use crate::object::{ExcState, ObjData, TracebackEntry};
use crate::value::Value;
use crate::vm::types::type_obj;
use crate::vm::{Args, PyErr, PyResult, Vm, str_of};

const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn create_hierarchy(vm: &mut Vm) {
    for (name, base) in HIERARCHY {
        let bases = if base.is_empty() {
            vec![vm.types.object]
        } else {
            vec![vm.exc_class(base)]
        };
        let ns = vm.new_dict();
        let mk = vm.name("__module__");
        let mv = vm.name("builtins");
        vm.dict_set_str(ns, mk, mv);
        let t = vm
            .new_class(name, name, bases, ns)
            .expect("exception class");
        let mk = vm.name("__module__");
        vm.type_del_attr(t, mk);
        vm.types.exceptions.push((name, t));
        let k = vm.intern(name);
        let b = vm.builtins;
        vm.dict_set_str(b, k, t);
    }
    let base = vm.exc_class("BaseException");
    vm.add_method(base, "__init__", base_exception_init);
    vm.add_method(base, "__str__", base_exception_str);
    vm.add_method(base, "__repr__", base_exception_repr);
    vm.add_method(base, "with_traceback", |vm, a| {
        const WITH_TRACEBACK: Sig<1> = Sig::new("with_traceback", ["tb"])
            .owner("BaseException")
            .method();
        Ok(WITH_TRACEBACK.bind(vm, &a)?.recv)
    });
    vm.add_method(base, "add_note", |vm, a| {
        const ADD_NOTE: Sig<1> = Sig::new("add_note", ["note"])
            .owner("BaseException")
            .method();
        let b = ADD_NOTE.bind(vm, &a)?;
        let (e, note) = (b.recv, b.req(0));
        if !vm.is_str(note) {
            let msg = format!("note must be a str, not '{}'", vm.type_name(note));
            return Err(vm.type_error(&msg));
        }
        let k = vm.name("__notes__");
        let notes = match vm.instance_get_attr(e, k) {
            Some(n) => n,
            None => {
                let n = vm.new_list(Vec::new());
                vm.instance_set_attr(e, k, n);
                n
            }
        };
        match notes.as_obj().map(|o| &o.data) {
            Some(ObjData::List(l)) if vm.type_of(notes) == vm.types.list => l.get().push(note),
            _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
        }
        Ok(Value::NONE)
    });
    let stop = vm.exc_class("StopIteration");
    vm.add_method(stop, "__init__", |vm, a| {
        let b = INIT.bind(vm, &a)?;
        base_exception_init(vm, a)?;
        let k = vm.name("value");
        let v = b.rest.first().copied().unwrap_or(Value::NONE);
        vm.instance_set_attr(b.recv, k, v);
        Ok(Value::NONE)
    });
    let os_error = vm.exc_class("OSError");
    vm.add_method(os_error, "__init__", |vm, a| {
        let b = INIT.bind(vm, &a)?;
        base_exception_init(vm, a)?;
        // CPython's oserror_parse_args/oserror_init: (errno, strerror[, filename[,
        // winerror[, filename2]]]); with a filename, args keeps the first two
        let mut vals = [Value::NONE; 4];
        let n = b.rest.len();
        if (2..=5).contains(&n) {
            vals[0] = b.rest[0];
            vals[1] = b.rest[1];
            if let Some(&f) = b.rest.get(2)
                && !f.is_none()
            {
                vals[2] = f;
                vals[3] = b.rest.get(4).copied().unwrap_or(Value::NONE);
                set_args(vm, b.recv, &b.rest[..2]);
            }
        }
        for (name, v) in ["errno", "strerror", "filename", "filename2"]
            .iter()
            .zip(vals)
        {
            let k = vm.intern(name);
            vm.instance_set_attr(b.recv, k, v);
        }
        Ok(Value::NONE)
    });
    let syntax_error = vm.exc_class("SyntaxError");
    vm.add_method(syntax_error, "__init__", |vm, a| {
        let b = INIT.bind(vm, &a)?;
        base_exception_init(vm, a)?;
        // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
        let mut vals = [Value::NONE; 7];
        if let Some(m) = b.rest.first() {
            vals[0] = *m;
        }
        if let [_, info] = b.rest {
            let info = vm.collect_iter(*info)?;
            if info.len() < 4 {
                return Err(vm.type_error(&format!(
                    "function takes at least 4 arguments ({} given)",
                    info.len()
                )));
            }
            if info.len() > 6 {
                return Err(vm.type_error(&format!(
                    "function takes at most 6 arguments ({} given)",
                    info.len()
                )));
            }
            for (i, v) in info.into_iter().enumerate() {
                vals[i + 1] = v;
            }
        }
        let names = [
            "msg",
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (name, v) in names.iter().zip(vals) {
            let k = vm.intern(name);
            vm.instance_set_attr(b.recv, k, v);
        }
        let k = vm.intern("print_file_and_line");
        vm.instance_set_attr(b.recv, k, Value::NONE);
        Ok(Value::NONE)
    });
    vm.add_method(base, "__reduce__", base_exception_reduce);
    vm.add_method(base, "__setstate__", base_exception_setstate);
    for (class, names) in KEYWORD_ATTRS {
        let c = vm.exc_class(class);
        for n in names {
            let k = vm.intern(n);
            vm.type_set_attr(c, k, Value::NONE);
        }
    }
    let c = vm.exc_class("AttributeError");
    vm.add_method(c, "__init__", |vm, a| {
        keyword_attrs_init(vm, a, "AttributeError", KEYWORD_ATTRS[0].1)
    });
    let c = vm.exc_class("NameError");
    vm.add_method(c, "__init__", |vm, a| {
        keyword_attrs_init(vm, a, "NameError", KEYWORD_ATTRS[1].1)
    });
    let c = vm.exc_class("ImportError");
    let k = vm.intern("msg");
    vm.type_set_attr(c, k, Value::NONE);
    vm.add_method(c, "__init__", |vm, a| {
        keyword_attrs_init(vm, a, "ImportError", KEYWORD_ATTRS[2].1)
    });
    let key_error = vm.exc_class("KeyError");
    vm.add_method(key_error, "__str__", key_error_str);
    let unicode_errors: [(&str, crate::object::NativeFn, crate::object::NativeFn); 3] = [
        (
            "UnicodeEncodeError",
            |vm, a| unicode_error_init(vm, a, UnicodeKind::Encode),
            |vm, a| unicode_error_str(vm, a, UnicodeKind::Encode),
        ),
        (
            "UnicodeDecodeError",
            |vm, a| unicode_error_init(vm, a, UnicodeKind::Decode),
            |vm, a| unicode_error_str(vm, a, UnicodeKind::Decode),
        ),
        (
            "UnicodeTranslateError",
            |vm, a| unicode_error_init(vm, a, UnicodeKind::Translate),
            |vm, a| unicode_error_str(vm, a, UnicodeKind::Translate),
        ),
    ];
    for (name, init, str_fn) in unicode_errors {
        let c = vm.exc_class(name);
        vm.add_method(c, "__init__", init);
        vm.add_method(c, "__str__", str_fn);
    }
    let os = vm.exc_class("OSError");
    vm.add_method(os, "__str__", os_error_str);
    // Aliases.
    for alias in ["IOError", "EnvironmentError"] {
        let k = vm.intern(alias);
        let b = vm.builtins;
        vm.dict_set_str(b, k, os);
    }
    crate::vm::eg::init(vm);
}

/// `BaseException.__init__(self, *args)` (keywords are the subclass's business)
const INIT: Sig<0> = Sig::new("__init__", []).method().varargs().varkw();
/// The slot methods taking only their receiver.
const NOARGS: Sig<0> = Sig::new("method", []).method();

fn base_exception_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = INIT.bind(vm, &a)?;
    if !b.kwrest.is_empty() {
        let tn = vm.type_name(b.recv);
        return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
    }
    set_args(vm, b.recv, b.rest);
    Ok(Value::NONE)
}

fn set_args(vm: &mut Vm, e: Value, args: &[Value]) {
    let args = vm.new_tuple_from(args);
    let k = vm.name("args");
    vm.instance_set_attr(e, k, args);
}

/// The keyword-only attributes some exceptions take (CPython's members, None when
/// not given): `AttributeError(*args, name=None, obj=None)` and the like.
const KEYWORD_ATTRS: [(&str, &[&str]); 3] = [
    ("AttributeError", &["name", "obj"]),
    ("NameError", &["name"]),
    ("ImportError", &["name", "path"]),
];

fn keyword_attrs_init(vm: &mut Vm, a: Args, class: &str, names: &[&str]) -> PyResult<Value> {
    let b = INIT.bind(vm, &a)?;
    let mut vals = vec![Value::NONE; names.len()];
    for (k, v) in &b.kwrest {
        match names.iter().position(|n| *n == str_of(*k)) {
            Some(i) => vals[i] = *v,
            None => {
                let msg = format!(
                    "'{}' is an invalid keyword argument for {class}()",
                    str_of(*k)
                );
                return Err(vm.type_error(&msg));
            }
        }
    }
    set_args(vm, b.recv, b.rest);
    for (n, v) in names.iter().zip(vals) {
        let k = vm.intern(n);
        vm.instance_set_attr(b.recv, k, v);
    }
    if class == "ImportError" {
        let msg = if b.rest.len() == 1 {
            b.rest[0]
        } else {
            Value::NONE
        };
        let k = vm.intern("msg");
        vm.instance_set_attr(b.recv, k, msg);
    }
    Ok(Value::NONE)
}

/// `BaseException.__reduce__()`: `(type(self), self.args)`, with the instance's
/// other attributes as a third item when it has any.
fn base_exception_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let e = NOARGS.bind(vm, &a)?.recv;
    let cls = vm.type_of(e);
    let args = exc_args(vm, e);
    let args = vm.new_tuple(args);
    let d = vm.instance_dict(e);
    let entries: Vec<(Value, Value)> = match d.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(dd)) => dd.get().iter().map(|en| (en.key, en.value)).collect(),
        _ => Vec::new(),
    };
    // args travels as the second item; unset keyword attributes are not state
    let members: Vec<&str> = KEYWORD_ATTRS
        .iter()
        .filter(|(c, _)| vm.matches(e, c))
        .flat_map(|(_, ns)| ns.iter().copied().chain(["msg"]))
        .collect();
    let state = vm.new_dict();
    vm.temp_roots.push(state);
    for (k, v) in entries {
        let ks = str_of(k);
        if ks == "args" || (v.is_none() && members.contains(&ks)) {
            continue;
        }
        vm.dict_set(state, k, v)?;
    }
    vm.temp_roots.pop();
    let mut items = vec![cls, args];
    if vm.truthy(state)? {
        items.push(state);
    }
    Ok(vm.new_tuple(items))
}

/// `BaseException.__setstate__(state)`: each item of a dict state set as an
/// attribute.
fn base_exception_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const SETSTATE: Sig<1> = Sig::new("__setstate__", ["state"])
        .owner("BaseException")
        .method();
    let b = SETSTATE.bind(vm, &a)?;
    let (e, state) = (b.recv, b.req(0));
    if state.is_none() {
        return Ok(Value::NONE);
    }
    let Some(ObjData::Dict(dd)) = state.as_obj().map(|o| &o.data) else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    let entries: Vec<(Value, Value)> = dd.get().iter().map(|en| (en.key, en.value)).collect();
    for (k, v) in entries {
        vm.setattr(e, k, v)?;
    }
    Ok(Value::NONE)
}

pub fn exc_args(vm: &mut Vm, e: Value) -> Vec<Value> {
    let k = vm.name("args");
    match vm.instance_get_attr(e, k) {
        Some(t) => vm.tuple_items(t).unwrap_or_default(),
        None => vec![],
    }
}

fn base_exception_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let args = exc_args(vm, recv);
    match args.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.str(args[0]),
        _ => {
            let t = vm.new_tuple(args);
            vm.str(t)
        }
    }
}

fn key_error_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let args = exc_args(vm, recv);
    if args.len() == 1 {
        vm.repr(args[0])
    } else {
        base_exception_str(vm, a)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum UnicodeKind {
    Encode,
    Decode,
    Translate,
}

const UNICODE_ATTRS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];

/// `UnicodeEncodeError(encoding, object, start, end, reason)`, the decode
/// error's (object bytes-like, kept as bytes) and `UnicodeTranslateError(object,
/// start, end, reason)` (encoding None): CPython's argument checks and
/// attributes.
fn unicode_error_init(vm: &mut Vm, a: Args, kind: UnicodeKind) -> PyResult<Value> {
    let b = INIT.bind(vm, &a)?;
    base_exception_init(vm, a)?;
    let want = if kind == UnicodeKind::Translate { 4 } else { 5 };
    let n = b.rest.len();
    if n != want {
        return Err(vm.type_error(&format!(
            "function takes exactly {want} arguments ({n} given)"
        )));
    }
    let (mut vals, first) = if kind == UnicodeKind::Translate {
        ([Value::NONE; 5], 1)
    } else {
        let mut v = [Value::NONE; 5];
        v[0] = b.rest[0];
        (v, 0)
    };
    vals[1..].copy_from_slice(&b.rest[n - 4..]);
    let must_be_str = |vm: &mut Vm, v: Value, pos: usize| -> PyResult<()> {
        if vm.is_str(v) {
            return Ok(());
        }
        let tn = crate::builtins::bad_arg_name(vm, v);
        Err(vm.type_error(&format!("argument {pos} must be str, not {tn}")))
    };
    if kind != UnicodeKind::Translate {
        must_be_str(vm, vals[0], 1)?;
    }
    let pos = |i: usize| i + 1 - first;
    if kind == UnicodeKind::Decode {
        let bytes = vm.bytes_of(vals[1])?;
        vals[1] = vm.new_bytes(bytes);
    } else {
        must_be_str(vm, vals[1], pos(1))?;
    }
    for v in &mut vals[2..4] {
        let i = crate::builtins::signature::to_ssize(vm, *v)?;
        *v = vm.new_int(i);
    }
    must_be_str(vm, vals[4], pos(4))?;
    for (name, v) in UNICODE_ATTRS.iter().zip(vals) {
        let k = vm.intern(name);
        vm.instance_set_attr(b.recv, k, v);
    }
    Ok(Value::NONE)
}

/// CPython's UnicodeEncodeError_str and its siblings, from the attributes
/// (an error made with a message alone shows that message).
fn unicode_error_str(vm: &mut Vm, a: Args, kind: UnicodeKind) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let mut vals = [Value::NONE; 5];
    for (v, name) in vals.iter_mut().zip(UNICODE_ATTRS) {
        let k = vm.intern(name);
        match vm.instance_get_attr(recv, k) {
            Some(x) => *v = x,
            None => return base_exception_str(vm, a),
        }
    }
    let [encoding, object, start, end, reason] = vals;
    let reason = vm.str_string(reason)?;
    let encoding = vm.str_string(encoding)?;
    let (start, end) = (vm.to_i64(start).unwrap_or(0), vm.to_i64(end).unwrap_or(0));
    let single = |len: usize| (0..len as i64).contains(&start) && end == start + 1;
    let msg = if kind == UnicodeKind::Decode {
        let bytes = vm.bytes_of(object).unwrap_or_default();
        if single(bytes.len()) {
            let byte = bytes[start as usize];
            format!(
                "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            )
        } else {
            format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            )
        }
    } else {
        let text = if vm.is_str(object) {
            str_of(object).to_string()
        } else {
            String::new()
        };
        let n = text.chars().count();
        let what = if kind == UnicodeKind::Encode {
            format!("'{encoding}' codec can't encode")
        } else {
            "can't translate".to_string()
        };
        if single(n) {
            let c = text.chars().nth(start as usize).unwrap_or('\0') as u32;
            let esc = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            format!("{what} character '{esc}' in position {start}: {reason}")
        } else {
            format!(
                "{what} characters in position {start}-{}: {reason}",
                end - 1
            )
        }
    };
    Ok(vm.new_string(msg))
}

/// CPython's OSError_str: from the errno, strerror, filename and filename2
/// attributes.
fn os_error_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let mut vals = [Value::NONE; 4];
    for (v, name) in vals
        .iter_mut()
        .zip(["errno", "strerror", "filename", "filename2"])
    {
        let k = vm.intern(name);
        *v = vm.instance_get_attr(recv, k).unwrap_or(Value::NONE);
    }
    let [errno, strerror, filename, filename2] = vals;
    if errno.is_none() && strerror.is_none() {
        return base_exception_str(vm, a);
    }
    let errno = vm.str(errno)?;
    let msg = vm.str(strerror)?;
    let mut s = format!("[Errno {}] {}", str_of(errno), str_of(msg));
    if !filename.is_none() {
        let f = vm.repr(filename)?;
        s.push_str(&format!(": {}", str_of(f)));
        if !filename2.is_none() {
            let f2 = vm.repr(filename2)?;
            s.push_str(&format!(" -> {}", str_of(f2)));
        }
    }
    Ok(vm.new_string(s))
}

fn base_exception_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let args = exc_args(vm, recv);
    let name = vm.type_name(recv);
    let inner = if args.len() == 1 {
        str_of(vm.repr(args[0])?).to_string()
    } else {
        let t = vm.new_tuple(args.clone());
        let r = str_of(vm.repr(t)?).to_string();
        if args.is_empty() {
            String::new()
        } else {
            r[1..r.len() - 1].to_string()
        }
    };
    Ok(vm.new_string(format!("{name}({inner})")))
}

impl Vm {
    pub fn exc_class(&self, name: &str) -> Value {
        self.types
            .exceptions
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("no exception class {name}"))
    }

    /// A new exception instance of `cls` with the given args (no __init__ call).
    pub fn new_exception(&mut self, cls: Value, args: Vec<Value>) -> Value {
        let e = self.new_instance(cls);
        let t = self.new_tuple(args);
        let k = self.name("args");
        self.instance_set_attr(e, k, t);
        if let ObjData::Instance(i) = &e.obj().data {
            *i.exc.get() = Some(Box::new(ExcState {
                cause: Value::NONE,
                context: Value::NONE,
                ..Default::default()
            }));
        }
        e
    }

    pub fn new_exception_msg(&mut self, cls: Value, msg: &str) -> Value {
        let m = self.new_str(msg);
        self.new_exception(cls, vec![m])
    }

    pub fn error(&mut self, cls_name: &str, msg: &str) -> PyErr {
        let cls = self.exc_class(cls_name);
        PyErr(self.new_exception_msg(cls, msg))
    }

    pub fn type_error(&mut self, msg: &str) -> PyErr {
        self.error("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: &str) -> PyErr {
        self.error("ValueError", msg)
    }
    pub fn index_error(&mut self, msg: &str) -> PyErr {
        self.error("IndexError", msg)
    }
    pub fn attribute_error(&mut self, msg: &str) -> PyErr {
        self.error("AttributeError", msg)
    }
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        self.error("ZeroDivisionError", msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> PyErr {
        self.error("OverflowError", msg)
    }
    pub fn runtime_error(&mut self, msg: &str) -> PyErr {
        self.error("RuntimeError", msg)
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let cls = self.exc_class("KeyError");
        PyErr(self.new_exception(cls, vec![key]))
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let cls = self.exc_class("StopIteration");
        let args = if value.is_none() { vec![] } else { vec![value] };
        let e = self.new_exception(cls, args);
        let k = self.name("value");
        self.instance_set_attr(e, k, value);
        PyErr(e)
    }
    /// A feature Coil does not implement yet: a clear error, never a wrong result.
    pub fn unsupported(&mut self, feature: &str) -> PyErr {
        self.error(
            "NotImplementedError",
            &format!("Coil does not support {feature} yet"),
        )
    }

    pub fn exc_state(&self, e: Value) -> Option<&'static mut ExcState> {
        match &e.as_obj()?.data {
            ObjData::Instance(i) => i.exc.get().as_deref_mut(),
            _ => None,
        }
    }

    pub fn add_traceback(&mut self, e: Value, entry: TracebackEntry) {
        if crate::vm::builtin_loops::is_hidden(&entry.code) {
            return;
        }
        if let Some(st) = self.exc_state(e) {
            st.traceback.push(entry);
        }
    }

    pub fn is_exception_instance(&self, v: Value) -> bool {
        let base = self.exc_class("BaseException");
        self.isinstance(v, base)
    }

    pub fn matches(&self, e: Value, cls_name: &str) -> bool {
        let cls = self.exc_class(cls_name);
        self.isinstance(e, cls)
    }

    /// Prints `e` with its traceback and chained causes/contexts, as CPython does
    /// (exception groups in CPython's nested boxes: `tbprint`).
    pub fn print_exception(&mut self, e: Value) {
        let _ = self.stdout.flush();
        let out = self.format_exception(e);
        let stderr = std::io::stderr();
        let mut h = stderr.lock();
        let _ = h.write_all(out.as_bytes());
        let _ = h.flush();
    }

    /// The frames of `e`'s traceback as CPython prints them (no header line).
    pub(crate) fn traceback_frames(&mut self, e: Value) -> String {
        let mut out = String::new();
        let Some(st) = self.exc_state(e) else {
            return out;
        };
        let tb = st.traceback.clone();
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        for entry in tb.iter().rev() {
            let key = (
                entry.code.filename.to_string(),
                entry.line,
                entry.code.name.clone(),
            );
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    let n = repeat - 2;
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        n,
                        if n > 1 { "s" } else { "" }
                    ));
                }
                repeat = 0;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.code.filename, entry.line, entry.code.name
            ));
            if let Some(src) = entry.code.source.get(entry.line as usize - 1) {
                let t = src.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {t}\n"));
                    if let Some(carets) = caret_line(src, entry) {
                        out.push_str(&carets);
                    }
                }
            }
            last = Some(key);
        }
        if repeat >= 3 {
            let n = repeat - 2;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n > 1 { "s" } else { "" }
            ));
        }
        out
    }

    /// The last line of a printed exception (with its "Did you mean" hint).
    pub(crate) fn exception_only(&mut self, e: Value) -> String {
        let mut out = self.exception_summary(e);
        if let Some(s) = self.exc_state(e).and_then(|st| st.suggestion.clone()) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
        // `add_note` notes, each on its own lines
        let k = self.name("__notes__");
        if let Some(notes) = self.instance_get_attr(e, k) {
            match notes.as_obj().map(|o| &o.data) {
                Some(ObjData::List(_) | ObjData::Tuple(_)) => {
                    for n in self.collect_iter(notes).unwrap_or_default() {
                        let s = match self.str(n) {
                            Ok(s) => str_of(s).to_string(),
                            Err(_) => "<note str() failed>".to_string(),
                        };
                        out.push_str(&s);
                        out.push('\n');
                    }
                }
                _ => {
                    let s = match self.repr(notes) {
                        Ok(s) => str_of(s).to_string(),
                        Err(_) => "<__notes__ repr() failed>".to_string(),
                    };
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// `TypeName: message` (or just `TypeName` for an empty message).
    pub fn exception_summary(&mut self, e: Value) -> String {
        let cls = self.type_of(e);
        let t = type_obj(cls);
        let name = if t.module == "builtins" || t.module == "__main__" {
            t.qualname.clone()
        } else {
            format!("{}.{}", t.module, t.qualname)
        };
        let msg = match self.str(e) {
            Ok(s) => str_of(s).to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }
}

/// The marker line CPython 3.11 prints under a traceback's source line: `^` under the
/// failing expression, or `~` and `^` around the operator of a binary operation or
/// the brackets of a subscript. None when the expression spans the whole line.
fn caret_line(line: &str, entry: &TracebackEntry) -> Option<String> {
    let (l1, c1, l2, c2) = entry.code.position_of(entry.pc)?;
    if l1 != entry.line {
        return None;
    }
    let char_col = |b: u32| {
        line.get(..b as usize)
            .map(|s| s.chars().count())
            .unwrap_or(line.chars().count())
    };
    let stripped = line.trim();
    let lead = line.chars().count() - line.trim_start().chars().count();
    let start = char_col(c1);
    let mut end = if l2 == l1 {
        char_col(c2)
    } else {
        lead + stripped.chars().count()
    };
    let anchors = if l1 == l2 {
        let seg_start = line
            .char_indices()
            .nth(start)
            .map(|(i, _)| i)
            .unwrap_or(line.len());
        let seg_end = line
            .char_indices()
            .nth(end)
            .map(|(i, _)| i)
            .unwrap_or(line.len());
        line.get(seg_start..seg_end).and_then(caret_anchors)
    } else {
        None
    };
    if end < start {
        end = start;
    }
    let spans_all = end - start >= stripped.chars().count();
    let has_anchor = anchors.is_some_and(|(l, r)| r > l);
    if spans_all && !has_anchor {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start.saturating_sub(lead)));
    match anchors {
        Some((l, r)) => {
            s.push_str(&"~".repeat(l));
            s.push_str(&"^".repeat(r - l));
            s.push_str(&"~".repeat((end - start).saturating_sub(r)));
        }
        None => s.push_str(&"^".repeat(end - start)),
    }
    s.push('\n');
    Some(s)
}

/// CPython's `_extract_caret_anchors_from_line_segment`: for a binary operation the
/// operator, for a subscript the bracketed part (character offsets in `segment`).
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(e) = &body[0] else { return None };
    let chars: Vec<char> = segment.chars().collect();
    let norm = |b: usize| {
        segment
            .get(..b)
            .map(|s| s.chars().count())
            .unwrap_or(chars.len())
    };
    match &*e.value {
        Expr::BinOp(b) => {
            let op_start = norm(b.left.range().end().to_usize());
            let op_end = norm(b.right.range().start().to_usize());
            let op_str: String = chars[op_start..op_end].iter().collect();
            let offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let mut left = op_start + offset;
            let mut right = left + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if offset + 1 < op_chars.len() && !op_chars[offset + 1].is_whitespace() {
                right += 1;
            }
            while left < chars.len()
                && (chars[left].is_whitespace() || chars[left] == ')' || chars[left] == '#')
            {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(s) => {
            let mut left = norm(s.value.range().end().to_usize());
            let mut right = norm(s.slice.range().end().to_usize()) + 1;
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}
