//! The `sys` module, plus the `exit`/`quit` builtins and `SystemExit.code`.

use crate::builtins::signature::{Sig, to_c_int};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("sys", init);
    // SystemExit.code: None, the single argument, or the args tuple.
    let se = vm.exc_class("SystemExit");
    let g = vm.new_builtin("code", |vm, a| {
        const CODE: Sig<0> = Sig::new("code", []).method();
        let e = CODE.bind(vm, &a)?.recv;
        let args = crate::vm::exc::exc_args(vm, e);
        Ok(match args.len() {
            0 => Value::NONE,
            1 => args[0],
            _ => vm.new_tuple(args),
        })
    });
    let p = vm.new_readonly_property(g);
    let k = vm.intern("code");
    vm.type_set_attr(se, k, p);
    let b = vm.builtins;
    vm.add_fn(b, "exit", exit);
    vm.add_fn(b, "quit", exit);
}

/// The builtins `exit` and `quit`: CPython's are instances of `site.Quitter`, a
/// Python class, so their errors are a Python method's, counting `self`
/// (`Quitter.__call__() takes from 1 to 2 positional arguments but 3 were
/// given`); the native binds the call with a placeholder receiver for it.
fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `Quitter.__call__(self, code=None)`
    const QUITTER: Sig<1> = Sig::new("Quitter.__call__", ["code"])
        .posonly(0)
        .required(0)
        .method()
        .python();
    let mut pos = Vec::with_capacity(a.pos.len() + 1);
    pos.push(Value::NONE);
    pos.extend_from_slice(a.pos);
    let b = QUITTER.bind(
        vm,
        &Args {
            pos: &pos,
            kw: a.kw,
        },
    )?;
    let code = b.get(0).unwrap_or(Value::NONE);
    let cls = vm.exc_class("SystemExit");
    Err(crate::vm::PyErr(vm.new_exception(cls, vec![code])))
}

fn set(vm: &mut Vm, d: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("sys");
    let d = vm.module_dict(m);
    let argv: Vec<Value> = vm.argv.clone().iter().map(|s| vm.new_str(s)).collect();
    let argv = vm.new_list(argv);
    set(vm, d, "argv", argv);
    let path = vm.sys_path_list();
    set(vm, d, "path", path);
    // the import system's hooks: Coil's finder is built in, so these stay empty
    for k in ["meta_path", "path_hooks", "warnoptions"] {
        let l = vm.new_list(vec![]);
        set(vm, d, k, l);
    }
    for k in ["path_importer_cache", "_xoptions"] {
        let dd = vm.new_dict();
        set(vm, d, k, dd);
    }
    let modules = vm.modules;
    set(vm, d, "modules", modules);
    let maxsize = vm.new_int(i64::MAX);
    set(vm, d, "maxsize", maxsize);
    set(vm, d, "maxunicode", Value::small_int(0x10FFFF));
    let s = vm.new_str("3.11.7 (main, Coil) [Rust]");
    set(vm, d, "version", s);
    let s = vm.new_str("final");
    let vi = vm.new_tuple(vec![
        Value::small_int(3),
        Value::small_int(11),
        Value::small_int(7),
        s,
        Value::small_int(0),
    ]);
    set(vm, d, "version_info", vi);
    let vi = struct_seq(
        vm,
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vi,
    )?;
    set(vm, d, "version_info", vi);
    // sys.implementation: no bytecode cache (cache_tag None), Python 3.11's language
    let ns = crate::modules::namespace::class(vm)?;
    let name = vm.new_str("coil");
    // Debian's multiarch triplet: sysconfig finds its build data by it
    let multiarch = vm.new_str(if cfg!(target_arch = "aarch64") {
        "aarch64-linux-gnu"
    } else {
        "x86_64-linux-gnu"
    });
    let impl_ = crate::modules::namespace::new(
        vm,
        ns,
        &[
            ("name", name),
            ("_multiarch", multiarch),
            ("cache_tag", Value::NONE),
            ("version", vi),
            ("hexversion", Value::small_int(0x030B07F0)),
        ],
    );
    set(vm, d, "implementation", impl_);
    let flag_names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    // Coil never writes bytecode and imports no site module
    let mut fv: Vec<Value> = flag_names.iter().map(|_| Value::small_int(0)).collect();
    fv[4] = Value::small_int(1);
    fv[6] = Value::small_int(1);
    fv[11] = Value::small_int(1);
    fv[13] = Value::FALSE;
    fv[16] = Value::FALSE;
    fv[17] = Value::small_int(-1);
    let ft = vm.new_tuple(fv);
    let flags = struct_seq(vm, "flags", &flag_names, ft)?;
    set(vm, d, "flags", flags);
    set(vm, d, "dont_write_bytecode", Value::TRUE);
    let hash_names = [
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ];
    let alg = vm.new_str("siphash13");
    let hv = vec![
        Value::small_int(64),
        vm.new_int((1i64 << 61) - 1),
        Value::small_int(314159),
        Value::small_int(0),
        Value::small_int(1000003),
        alg,
        Value::small_int(64),
        Value::small_int(128),
        Value::small_int(0),
    ];
    let ht = vm.new_tuple(hv);
    let hi = struct_seq(vm, "hash_info", &hash_names, ht)?;
    set(vm, d, "hash_info", hi);
    set(vm, d, "hexversion", Value::small_int(0x030B07F0));
    for (k, v) in [("platform", "linux"), ("byteorder", "little")] {
        let v = vm.new_str(v);
        set(vm, d, k, v);
    }
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let exe = vm.new_string(exe);
    set(vm, d, "executable", exe);
    let mut names: Vec<&str> = vm.native_modules.keys().copied().collect();
    names.sort_unstable();
    let names: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    let bm = vm.new_tuple(names);
    set(vm, d, "builtin_module_names", bm);
    for (k, v) in [
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("platlibdir", "lib"),
        ("prefix", "/usr"),
        ("exec_prefix", "/usr"),
        ("base_prefix", "/usr"),
        ("base_exec_prefix", "/usr"),
    ] {
        let v = vm.new_str(v);
        set(vm, d, k, v);
    }
    let orig: Vec<Value> = std::env::args().map(|s| vm.new_string(s)).collect();
    let orig = vm.new_list(orig);
    set(vm, d, "orig_argv", orig);
    set(vm, d, "api_version", Value::small_int(1013));
    // float_info as a small namespace module
    let fi = vm.new_module("sys.float_info");
    let fd = vm.module_dict(fi);
    for (k, v) in [
        ("max", f64::MAX),
        ("min", f64::MIN_POSITIVE),
        ("epsilon", f64::EPSILON),
    ] {
        set(vm, fd, k, Value::float(v));
    }
    for (k, v) in [
        ("dig", 15),
        ("mant_dig", 53),
        ("max_exp", 1024),
        ("min_exp", -1021),
        ("radix", 2),
        ("max_10_exp", 308),
        ("min_10_exp", -307),
    ] {
        set(vm, fd, k, Value::small_int(v));
    }
    set(vm, d, "float_info", fi);
    let ii = vm.new_module("sys.int_info");
    let idd = vm.module_dict(ii);
    set(vm, idd, "bits_per_digit", Value::small_int(30));
    set(vm, idd, "sizeof_digit", Value::small_int(4));
    set(vm, idd, "default_max_str_digits", Value::small_int(4300));
    set(vm, idd, "str_digits_check_threshold", Value::small_int(640));
    set(vm, d, "int_info", ii);
    for (fd, name) in [(0, "stdin"), (1, "stdout"), (2, "stderr")] {
        let s = crate::modules::io::std_stream(vm, fd);
        set(vm, d, name, s);
        set(vm, d, &format!("__{name}__"), s);
    }
    vm.add_fn(d, "exit", |vm, a| {
        /// `sys.exit(status=None, /)`
        const EXIT: Sig<1> = Sig::new("exit", ["status"]).required(0).owner("sys");
        let b = EXIT.bind(vm, &a)?;
        // sys.exit() and sys.exit(None) raise SystemExit with no arguments, as
        // in CPython
        let args = b.opt(0).into_iter().collect();
        let cls = vm.exc_class("SystemExit");
        Err(crate::vm::PyErr(vm.new_exception(cls, args)))
    });
    // audit hooks: Coil raises no audit events, so a hook is never called
    vm.add_fn(d, "audit", |vm, a| {
        /// `audit(event, *args)`
        const AUDIT: Sig<1> = Sig::new("audit", ["event"]).varargs().python();
        // CPython rejects keywords before it counts the positional arguments
        if !a.kw.is_empty() {
            return Err(vm.type_error("sys.audit() takes no keyword arguments"));
        }
        AUDIT.bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "addaudithook", |vm, a| {
        // `addaudithook(hook)`
        Sig::new("addaudithook", ["hook"]).posonly(0).bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "getrecursionlimit", |vm, a| {
        Sig::new("getrecursionlimit", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(vm.new_int(vm.recursion_limit as i64))
    });
    vm.add_fn(d, "setrecursionlimit", setrecursionlimit);
    vm.add_fn(d, "getsizeof", getsizeof);
    vm.add_fn(d, "intern", |vm, a| {
        match Sig::new("intern", ["string"])
            .owner("sys")
            .bind(vm, &a)?
            .req(0)
        {
            s if vm.is_str(s) => Ok(vm.intern_value(s)),
            s => Err(vm.type_error(&format!(
                "intern() argument must be str, not {}",
                vm.type_name(s)
            ))),
        }
    });
    vm.add_fn(d, "exc_info", |vm, a| {
        Sig::new("exc_info", []).owner("sys").bind(vm, &a)?;
        let e = vm.current_exception();
        if e.is_none() {
            return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
        }
        let t = vm.type_of(e);
        let tb = crate::builtins::traceback::traceback_of(vm, e);
        Ok(vm.new_tuple(vec![t, e, tb]))
    });
    vm.add_fn(d, "exception", |vm, a| {
        Sig::new("exception", []).owner("sys").bind(vm, &a)?;
        Ok(vm.current_exception())
    });
    vm.add_fn(d, "excepthook", |vm, a| {
        /// `excepthook(exctype, value, traceback, /)`
        const EXCEPTHOOK: Sig<3> =
            Sig::new("excepthook", ["exctype", "value", "traceback"]).owner("sys");
        let e = EXCEPTHOOK.bind(vm, &a)?.req(1);
        use std::io::Write;
        let _ = vm.stdout.flush();
        let base = vm.exc_class("BaseException");
        if vm.isinstance(e, base) {
            match vm.redirected_stream("stderr", 2) {
                // CPython prints nothing when sys.stderr is None
                Some(f) if f.is_none() => {}
                Some(f) => {
                    let out = vm.format_exception(e);
                    let s = vm.new_str(&out);
                    vm.call_method(f, "write", &[s])?;
                }
                None => vm.print_exception(e),
            }
        } else {
            // CPython reports it and returns
            let tn = vm.type_name(e);
            eprintln!("TypeError: print_exception(): Exception expected for value, {tn} found");
        }
        Ok(Value::NONE)
    });
    let k = vm.intern("excepthook");
    if let Some(h) = vm.dict_get_str(d, k) {
        set(vm, d, "__excepthook__", h);
    }
    vm.add_fn(d, "getdefaultencoding", |vm, a| {
        Sig::new("getdefaultencoding", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(vm.new_str("utf-8"))
    });
    vm.add_fn(d, "getfilesystemencoding", |vm, a| {
        Sig::new("getfilesystemencoding", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(vm.new_str("utf-8"))
    });
    vm.add_fn(d, "getfilesystemencodeerrors", |vm, a| {
        Sig::new("getfilesystemencodeerrors", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(vm.new_str("surrogateescape"))
    });
    vm.add_fn(d, "getrefcount", |vm, a| {
        Sig::new("getrefcount", ["object"])
            .owner("sys")
            .bind(vm, &a)?;
        Err(vm.unsupported("sys.getrefcount()"))
    });
    vm.add_fn(d, "_getframe", |vm, a| {
        /// `_getframe(depth=0, /)`
        const GETFRAME: Sig<1> = Sig::new("_getframe", ["depth"]).required(0).owner("sys");
        let depth = match GETFRAME.bind(vm, &a)?.get(0) {
            // a negative depth is the caller's frame, as in CPython
            Some(v) => to_c_int(vm, v)?.max(0) as usize,
            None => 0,
        };
        crate::builtins::traceback::getframe(vm, depth)
    });
    vm.add_fn(d, "getswitchinterval", |vm, a| {
        Sig::new("getswitchinterval", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(Value::float(vm.switch_interval))
    });
    vm.add_fn(d, "setswitchinterval", |vm, a| {
        /// `setswitchinterval(interval, /)`
        const SET: Sig<1> = Sig::new("setswitchinterval", ["interval"]).owner("sys");
        let f = SET.bind(vm, &a)?.f64(vm, 0)?;
        if f.is_nan() || f <= 0.0 {
            return Err(vm.value_error("switch interval must be strictly positive"));
        }
        vm.switch_interval = f;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "get_int_max_str_digits", |vm, a| {
        Sig::new("get_int_max_str_digits", [])
            .owner("sys")
            .bind(vm, &a)?;
        Ok(vm.new_int(vm.int_max_str_digits as i64))
    });
    vm.add_fn(d, "set_int_max_str_digits", |vm, a| {
        /// `set_int_max_str_digits(maxdigits)`
        const SET: Sig<1> = Sig::new("set_int_max_str_digits", ["maxdigits"])
            .posonly(0)
            .owner("sys");
        let v = SET.bind(vm, &a)?.req(0);
        let n = crate::builtins::signature::to_index(vm, v)?;
        let n = match vm.to_i64(n) {
            Some(n) if n == 0 || (640..=i32::MAX as i64).contains(&n) => n,
            _ => return Err(vm.value_error("maxdigits must be 0 or larger than 640")),
        };
        vm.int_max_str_digits = n as usize;
        Ok(Value::NONE)
    });
    // Coil has no tracing or profiling hooks: none is ever set
    vm.add_fn(d, "gettrace", |vm, a| {
        Sig::new("gettrace", []).owner("sys").bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "getprofile", |vm, a| {
        Sig::new("getprofile", []).owner("sys").bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "settrace", |vm, a| {
        /// `settrace(function, /)`
        const SET: Sig<1> = Sig::new("settrace", ["function"]).owner("sys");
        if !SET.bind(vm, &a)?.req(0).is_none() {
            return Err(vm.unsupported("sys.settrace() with a function"));
        }
        Ok(Value::NONE)
    });
    vm.add_fn(d, "setprofile", |vm, a| {
        /// `setprofile(function, /)`
        const SET: Sig<1> = Sig::new("setprofile", ["function"]).owner("sys");
        if !SET.bind(vm, &a)?.req(0).is_none() {
            return Err(vm.unsupported("sys.setprofile() with a function"));
        }
        Ok(Value::NONE)
    });
    vm.add_fn(d, "is_finalizing", |vm, a| {
        Sig::new("is_finalizing", []).owner("sys").bind(vm, &a)?;
        Ok(Value::FALSE)
    });
    vm.add_fn(d, "displayhook", |vm, a| {
        /// `displayhook(object, /)`: the REPL's echo, which doctest runs under
        const HOOK: Sig<1> = Sig::new("displayhook", ["object"]).owner("sys");
        let o = HOOK.bind(vm, &a)?.req(0);
        if o.is_none() {
            return Ok(Value::NONE);
        }
        let k = vm.intern("_");
        vm.dict_set_str(vm.builtins, k, Value::NONE);
        let mut text = vm.repr_string(o)?;
        text.push('\n');
        vm.write_stdout(&text)?;
        vm.dict_set_str(vm.builtins, k, o);
        Ok(Value::NONE)
    });
    let k = vm.intern("displayhook");
    if let Some(h) = vm.dict_get_str(d, k) {
        set(vm, d, "__displayhook__", h);
    }
    vm.add_fn(d, "breakpointhook", breakpointhook);
    let k = vm.intern("breakpointhook");
    if let Some(h) = vm.dict_get_str(d, k) {
        set(vm, d, "__breakpointhook__", h);
    }
    Ok(m)
}

/// `sys.breakpointhook(*args, **kws)`: $PYTHONBREAKPOINT names the callable
/// (`module.attr`, a builtin's name, or "0" for none), pdb.set_trace by default.
/// The variable is read from os.environ once os is imported, so a program's
/// changes to it count.
fn breakpointhook(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = "PYTHONBREAKPOINT";
    let os_key = vm.intern("os");
    let env = match vm.dict_get_str(vm.modules, os_key) {
        Some(os) => {
            let k = vm.intern("environ");
            let environ = vm.getattr(os, k)?;
            let key = vm.new_str(name);
            let get = vm.intern("get");
            let getm = vm.getattr(environ, get)?;
            let v = vm.call(getm, &[key])?;
            crate::builtins::signature::as_str(v).map(|s| s.to_string())
        }
        None => std::env::var(name).ok(),
    };
    let hook = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(Value::NONE),
        Some(h) => h.to_string(),
    };
    let (module, attr) = match hook.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hook.clone()),
    };
    let found = match vm.import(&module, Value::NONE, 0, Value::NONE) {
        Ok(_) => {
            // the submodule itself, not the package `import` returns
            let k = vm.intern(&module);
            let m = vm.dict_get_str(vm.modules, k).unwrap_or(Value::NONE);
            let k = vm.intern(&attr);
            vm.getattr(m, k)
        }
        Err(e) => Err(e),
    };
    let f = match found {
        Ok(f) => f,
        Err(e) if vm.matches(e.0, "ImportError") || vm.matches(e.0, "AttributeError") => {
            let warnings = vm.import("warnings", Value::NONE, 0, Value::NONE)?;
            let k = vm.intern("warn");
            let warn = vm.getattr(warnings, k)?;
            let msg = vm.new_string(format!(
                "Ignoring unimportable $PYTHONBREAKPOINT: \"{hook}\""
            ));
            let cat = vm.exc_class("RuntimeWarning");
            vm.call(warn, &[msg, cat])?;
            return Ok(Value::NONE);
        }
        Err(e) => return Err(e),
    };
    vm.call_kw(f, a.pos, a.kw)
}

fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `setrecursionlimit(limit, /)`
    const SETRECURSIONLIMIT: Sig<1> = Sig::new("setrecursionlimit", ["limit"]).owner("sys");
    let v = SETRECURSIONLIMIT.bind(vm, &a)?.req(0);
    let n = to_c_int(vm, v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

/// A struct sequence (`sys.version_info`, `sys.flags`): a tuple whose items are also
/// named attributes, with CPython's `sys.x(a=1, ...)` repr.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], items: Value) -> PyResult<Value> {
    let cls = crate::modules::collections::make_namedtuple(vm, name, fields, "sys", &[])?;
    crate::modules::itertools::add_method_as(vm, cls, "__repr__ ", struct_seq_repr);
    vm.temp_roots.push(cls);
    let r = vm.call(cls, &vm.tuple_items(items).unwrap_or_default());
    vm.temp_roots.pop();
    r
}

fn struct_seq_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REPR: Sig<0> = Sig::new("__repr__", []).method();
    let obj = REPR.bind(vm, &a)?.recv;
    let cls = vm.type_of(obj);
    let fk = vm.intern("_fields");
    let fields = vm.getattr(cls, fk)?;
    let fields = vm.collect_iter(fields)?;
    let items = vm.collect_iter(obj)?;
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(items) {
        parts.push(format!("{}={}", crate::vm::str_of(*f), vm.repr_string(v)?));
    }
    let name = crate::vm::types::type_obj(cls).name.clone();
    Ok(vm.new_string(format!("sys.{name}({})", parts.join(", "))))
}

/// `sys.getsizeof(object[, default])`: the object's `__sizeof__()`, checked as
/// CPython checks it; `default` instead when that raises TypeError. Coil's own
/// `object.__sizeof__` counts the whole object (`object::sizes`); a class's
/// Python `__sizeof__` gets CPython's pre-header added (its GC links, and the
/// managed dict pointers of instances that have a `__dict__`), so programs see
/// the numbers CPython gives them.
fn getsizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const GETSIZEOF: Sig<2> = Sig::new("getsizeof", ["object", "default"])
        .posonly(0)
        .required(1);
    let b = GETSIZEOF.bind(vm, &a)?;
    let (obj, default) = (b.req(0), b.get(1));
    match size_with_header(vm, obj) {
        Err(e) if default.is_some() && vm.isinstance(e.0, vm.exc_class("TypeError")) => {
            Ok(default.expect("checked"))
        }
        r => r.map(|n| vm.new_int(n as i64)),
    }
}

fn size_with_header(vm: &mut Vm, obj: Value) -> PyResult<u64> {
    let cls = vm.type_of(obj);
    let name = vm.intern("__sizeof__");
    let Some((f, owner)) = crate::vm::types::lookup_owner(vm, cls, name) else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(&format!("Type {t} doesn't define __sizeof__")));
    };
    let m = vm.bind_descriptor(f, obj, cls)?;
    let r = vm.call(m, &[])?;
    if !vm.is_int(r) && !r.is_bool() {
        return Err(vm.type_error("an integer is required"));
    }
    let Some(n) = vm.to_i64(r) else {
        return Err(vm.error(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        ));
    };
    if n < 0 {
        return Err(vm.error("ValueError", "__sizeof__() should return >= 0"));
    }
    let header = if owner == vm.types.object {
        0
    } else {
        cpython_pre_header(vm, obj)
    };
    Ok(n as u64 + header)
}

/// CPython 3.11's `_PyType_PreHeaderSize` for an instance of a Python class:
/// 16 bytes of GC links, and 16 more for the managed dict of an instance that
/// has a `__dict__` (not for subclasses of int, tuple, bytes or exceptions,
/// whose dict sits elsewhere).
fn cpython_pre_header(vm: &Vm, obj: Value) -> u64 {
    let Some(ObjData::Instance(_)) = obj.as_obj().map(|o| &o.data) else {
        return 0;
    };
    let cls = vm.type_of(obj);
    let t = crate::vm::types::type_obj(cls);
    let base = t.builtin_base.get();
    let own_dict_elsewhere = [vm.types.int, vm.types.tuple, vm.types.bytes].contains(&base)
        || vm.is_exception_instance(obj);
    if t.slots.is_none() && !own_dict_elsewhere {
        32
    } else {
        16
    }
}
