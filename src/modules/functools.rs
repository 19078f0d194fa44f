//! The `functools` module: reduce, partial, lru_cache/cache, cmp_to_key, wraps and
//! update_wrapper in Rust; total_ordering and cached_property in embedded Python.
//!
//! `partial` objects and lru_cache wrappers are plain instances of Rust-defined types,
//! so they carry a normal attribute namespace (`func`, `__wrapped__`, `__name__`, ...)
//! like their CPython counterparts; the cache itself lives in a native payload object
//! stored in a hidden attribute.

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::CmpOp;
use crate::modules::itertools::{make_type, native, run_source, set_attr, ty};
use crate::object::{Mut, NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("functools", init);
}

const PY_SRC: &str = r#"
_PURE = None
_FROM_PURE = ('partialmethod', 'singledispatch', 'singledispatchmethod', '_make_key',
              'get_cache_token', '_find_impl', '_compose_mro', 'RLock', 'GenericAlias')


def __getattr__(name):
    # singledispatch, singledispatchmethod and partialmethod are the standard
    # library's own: functools.py runs (once, on first use) in a namespace of its own.
    global _PURE
    if name not in _FROM_PURE:
        raise AttributeError(f"module 'functools' has no attribute '{name}'")
    if _PURE is None:
        import _collections_abc
        path = _collections_abc.__file__.rpartition('/')[0] + '/functools.py'
        with open(path) as f:
            src = f.read()
        ns = {'__name__': 'functools', '__file__': path}
        exec(compile(src, path, 'exec'), ns)
        _PURE = ns
    v = _PURE[name]
    globals()[name] = v
    return v

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

_convert = {
    '__lt__': [('__gt__', _gt_from_lt),
               ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le),
               ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt),
               ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge),
               ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)]
}

def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls

class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            name = self.func.__name__
        val = self.func(instance)
        setattr(instance, name, val)
        return val

def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("functools");
    vm.temp_roots.push(m);
    let r = init_into(vm, m);
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

fn init_into(vm: &mut Vm, m: Value) -> PyResult<()> {
    let d = vm.module_dict(m);
    vm.add_fn(d, "reduce", reduce);
    vm.add_fn(d, "lru_cache", lru_cache);
    vm.add_fn(d, "cache", cache);
    vm.add_fn(d, "cmp_to_key", cmp_to_key);
    vm.add_fn(d, "update_wrapper", update_wrapper);
    vm.add_fn(d, "wraps", wraps);
    vm.add_fn(d, "_make_lru_wrapper", make_lru_wrapper_fn);

    let obj = vm.types.object;
    let p = make_type(vm, "functools.partial", "partial", "functools", obj);
    vm.add_method(p, "__new__", partial_new);
    vm.add_method(p, "__call__", partial_call);
    vm.add_method(p, "__repr__", partial_repr);
    vm.add_method(p, "__reduce__", partial_reduce);
    vm.add_method(p, "__setstate__", partial_setstate);
    // read-only, as CPython's members are (the values live in the instance)
    for (name, f) in [
        ("func", partial_func as crate::object::NativeFn),
        ("args", partial_args),
        ("keywords", partial_keywords),
    ] {
        crate::builtins::numbers::add_property(vm, p, name, f);
    }
    set_attr(vm, m, "partial", p);

    let w = make_type(
        vm,
        "functools._lru_cache_wrapper",
        "_lru_cache_wrapper",
        "functools",
        obj,
    );
    vm.add_method(w, "__call__", lru_call);
    vm.add_method(w, "cache_info", lru_cache_info);
    vm.add_method(w, "cache_clear", lru_cache_clear);
    vm.add_method(w, "cache_parameters", lru_cache_parameters);
    // a wrapper is copied as itself and pickled by its qualified name, as
    // CPython's C wrapper is
    vm.add_method(w, "__copy__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
    vm.add_method(w, "__deepcopy__", |vm, a| Ok(ONE.bind(vm, &a)?.recv));
    vm.add_method(w, "__reduce__", |vm, a| {
        let w = NOARGS.bind(vm, &a)?.recv;
        let k = vm.intern("__qualname__");
        vm.getattr(w, k)
    });
    vm.add_method(w, "__get__", lru_get);
    set_attr(vm, m, "_lru_cache_wrapper", w);
    make_type(vm, "functools._lru_state", "_lru_state", "functools", obj);

    let k = make_type(vm, "functools.KeyWrapper", "KeyWrapper", "functools", obj);
    vm.add_method(k, "__call__", key_call);
    crate::builtins::numbers::add_property(vm, k, "obj", |vm, a| {
        let k = NOARGS.bind(vm, &a)?.recv;
        match native::<KeyObj>(k) {
            Some(k) if !k.obj.is_empty() => Ok(k.obj),
            _ => Ok(Value::NONE),
        }
    });
    vm.add_method(k, "__lt__", |vm, a| key_cmp(vm, a, CmpOp::Lt));
    vm.add_method(k, "__le__", |vm, a| key_cmp(vm, a, CmpOp::Le));
    vm.add_method(k, "__gt__", |vm, a| key_cmp(vm, a, CmpOp::Gt));
    vm.add_method(k, "__ge__", |vm, a| key_cmp(vm, a, CmpOp::Ge));
    vm.add_method(k, "__eq__", |vm, a| key_cmp(vm, a, CmpOp::Eq));
    vm.add_method(k, "__ne__", |vm, a| key_cmp(vm, a, CmpOp::Ne));
    let hk = vm.intern("__hash__");
    vm.type_set_attr(k, hk, Value::NONE);

    let fields = ["hits", "misses", "maxsize", "currsize"];
    let ci =
        crate::modules::collections::make_namedtuple(vm, "CacheInfo", &fields, "functools", &[])?;
    set_attr(vm, m, "_CacheInfo", ci);
    CACHE_INFO.with(|c| c.set(ci));
    run_source(vm, m, PY_SRC, "<functools>")?;
    Ok(())
}

thread_local! {
    static CACHE_INFO: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NONE) };
}

/// Forgets the CacheInfo class remembered above (it belongs to a VM that is gone).
pub fn forget_thread_values() {
    CACHE_INFO.with(|c| c.set(Value::NONE));
}

// ---- reduce -------------------------------------------------------------------------

fn reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `reduce(function, iterable[, initial], /)`
    const REDUCE: Sig<3> = Sig::new("reduce", ["function", "iterable", "initial"]).required(2);
    let b = REDUCE.bind(vm, &a)?;
    let (f, seq, initial) = (b.req(0), b.req(1), b.get(2));
    let it = vm.iter(seq).map_err(|e| {
        if vm.matches(e.0, "TypeError") {
            vm.type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| {
        let mut acc = match initial {
            Some(init) => init,
            None => match vm.next(it)? {
                Some(v) => v,
                None => {
                    return Err(vm.type_error("reduce() of empty iterable with no initial value"));
                }
            },
        };
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(acc);
        while let Some(x) = vm.next(it)? {
            acc = vm.call(f, &[acc, x])?;
            vm.temp_roots[slot] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    r
}

// ---- partial ------------------------------------------------------------------------

fn iattr(vm: &mut Vm, obj: Value, name: &str) -> Value {
    let k = vm.intern(name);
    vm.instance_get_attr(obj, k).unwrap_or(Value::NONE)
}

fn set_iattr(vm: &mut Vm, obj: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.instance_set_attr(obj, k, v);
}

/// A method taking only its receiver, or one argument, or any arguments.
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();
const ANY: Sig<0> = Sig::new("method", []).method().varargs().varkw();

fn partial_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `partial(func, /, *args, **keywords)`
    const NEW: Sig<0> = Sig::new("partial", []).constructor().varargs().varkw();
    let b = NEW.bind(vm, &a)?;
    let cls = b.recv;
    let Some((&first, rest)) = b.rest.split_first() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first;
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut args: Vec<Value> = Vec::new();
    let kw = vm.new_dict();
    vm.temp_roots.push(kw);
    // Flatten partial(partial(f, ...), ...) like CPython.
    if vm.type_of(func) == ty("functools.partial") {
        let inner_args = iattr(vm, func, "args");
        let inner_kw = iattr(vm, func, "keywords");
        args.extend(vm.tuple_items(inner_args).unwrap_or_default());
        if !inner_kw.is_none() {
            vm.dict_update_from(kw, inner_kw, false)?;
        }
        func = iattr(vm, func, "func");
    }
    args.extend_from_slice(rest);
    for (k, v) in &b.kwrest {
        vm.dict_set(kw, *k, *v)?;
    }
    let obj = vm.new_instance(cls);
    let t = vm.new_tuple(args);
    set_iattr(vm, obj, "func", func);
    set_iattr(vm, obj, "args", t);
    set_iattr(vm, obj, "keywords", kw);
    vm.temp_roots.pop();
    Ok(obj)
}

fn partial_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ANY.bind(vm, &a)?;
    let p = b.recv;
    let func = iattr(vm, p, "func");
    let pargs = iattr(vm, p, "args");
    let kw = iattr(vm, p, "keywords");
    let mut args = vm.tuple_items(pargs).unwrap_or_default();
    args.extend_from_slice(b.rest);
    let mut kws: Vec<(Value, Value)> = match kw.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(d)) => d.get().iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    // `p.keywords` is a plain dict a program can put any key in
    if kws.iter().any(|(k, _)| !vm.is_str(*k)) {
        return Err(vm.type_error("keywords must be strings"));
    }
    for (k, v) in &b.kwrest {
        match kws.iter_mut().find(|(x, _)| crate::vm::str_eq(*x, *k)) {
            Some(e) => e.1 = *v,
            None => kws.push((*k, *v)),
        }
    }
    vm.call_kw(func, &args, &kws)
}

const PARTIAL_ATTRS: [&str; 3] = ["func", "args", "keywords"];

fn partial_func(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = NOARGS.bind(vm, &a)?.recv;
    Ok(iattr(vm, p, "func"))
}

fn partial_args(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = NOARGS.bind(vm, &a)?.recv;
    Ok(iattr(vm, p, "args"))
}

fn partial_keywords(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = NOARGS.bind(vm, &a)?.recv;
    Ok(iattr(vm, p, "keywords"))
}

/// The instance's attributes other than func, args and keywords.
fn partial_extra_dict(vm: &mut Vm, p: Value) -> PyResult<Value> {
    let d = vm.instance_dict(p);
    let entries: Vec<(Value, Value)> = match d.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(dd)) => dd.get().iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let out = vm.new_dict();
    vm.temp_roots.push(out);
    for (k, v) in entries {
        if !PARTIAL_ATTRS.contains(&str_of(k)) {
            vm.dict_set(out, k, v)?;
        }
    }
    vm.temp_roots.pop();
    Ok(out)
}

/// `partial.__reduce__()`: `(type(self), (func,), (func, args, keywords or None,
/// __dict__ or None))`, the state `__setstate__` takes.
fn partial_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = NOARGS.bind(vm, &a)?.recv;
    let cls = vm.type_of(p);
    let func = iattr(vm, p, "func");
    let pargs = iattr(vm, p, "args");
    let mut kw = iattr(vm, p, "keywords");
    if !vm.truthy(kw)? {
        kw = Value::NONE;
    }
    let mut d = partial_extra_dict(vm, p)?;
    if !vm.truthy(d)? {
        d = Value::NONE;
    }
    let state = vm.new_tuple(vec![func, pargs, kw, d]);
    vm.temp_roots.push(state);
    let fargs = vm.new_tuple(vec![func]);
    let r = vm.new_tuple(vec![cls, fargs, state]);
    vm.temp_roots.pop();
    Ok(r)
}

/// `partial.__setstate__((func, args, keywords, dict))`, CPython's checks and
/// conversions (exact tuple and dict copies, None for no keywords or attributes).
fn partial_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (p, state) = (b.recv, b.req(0));
    let items = match vm.tuple_items(state) {
        Some(items) if items.len() == 4 && vm.isinstance(state, vm.types.tuple) => items,
        _ => return Err(vm.type_error("invalid partial state")),
    };
    let (func, pargs, kw, d) = (items[0], items[1], items[2], items[3]);
    let kw_ok = kw.is_none() || vm.isinstance(kw, vm.types.dict);
    if !vm.is_callable(func) || !vm.isinstance(pargs, vm.types.tuple) || !kw_ok {
        return Err(vm.type_error("invalid partial state"));
    }
    let pargs = match vm.tuple_items(pargs) {
        Some(items) if vm.type_of(pargs) != vm.types.tuple => vm.new_tuple(items),
        Some(_) => pargs,
        None => {
            let items = vm.collect_iter(pargs)?;
            vm.new_tuple(items)
        }
    };
    vm.temp_roots.push(pargs);
    // an exact dict is kept (CPython's: a copy's keywords are the original's)
    let kwd = if !kw.is_none() && vm.type_of(kw) == vm.types.dict {
        kw
    } else {
        vm.new_dict()
    };
    vm.temp_roots.push(kwd);
    if !kw.is_none() && kwd != kw {
        vm.dict_update_from(kwd, kw, false)?;
    }
    let own = vm.instance_dict(p);
    let keys: Vec<Value> = match own.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(dd)) => dd.get().iter().map(|e| e.key).collect(),
        _ => Vec::new(),
    };
    for k in keys {
        vm.dict_del_str(own, k);
    }
    set_iattr(vm, p, "func", func);
    set_iattr(vm, p, "args", pargs);
    set_iattr(vm, p, "keywords", kwd);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    if !d.is_none() {
        let own = vm.instance_dict(p);
        vm.dict_update_from(own, d, false)?;
    }
    Ok(Value::NONE)
}

fn partial_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = NOARGS.bind(vm, &a)?.recv;
    if vm.repr_stack.contains(&p) {
        return Ok(vm.new_str("..."));
    }
    vm.repr_stack.push(p);
    let parts = partial_repr_parts(vm, p);
    vm.repr_stack.pop();
    let parts = parts?;
    let t = crate::vm::types::type_obj(vm.type_of(p));
    let name = if t.module == "functools" {
        "functools.partial".to_string()
    } else {
        t.qualname.clone()
    };
    Ok(vm.new_string(format!("{}({})", name, parts.join(", "))))
}

fn partial_repr_parts(vm: &mut Vm, p: Value) -> PyResult<Vec<String>> {
    let func = iattr(vm, p, "func");
    let pargs = iattr(vm, p, "args");
    let kw = iattr(vm, p, "keywords");
    let mut parts = vec![vm.repr_string(func)?];
    for x in vm.tuple_items(pargs).unwrap_or_default() {
        parts.push(vm.repr_string(x)?);
    }
    if let Some(ObjData::Dict(d)) = kw.as_obj().map(|o| &o.data) {
        let entries: Vec<(Value, Value)> = d.get().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            let ks = vm.str_string(k)?;
            parts.push(format!("{}={}", ks, vm.repr_string(v)?));
        }
    }
    Ok(parts)
}

/// A partial of a native function with keyword arguments (used for decorators).
fn native_partial(vm: &mut Vm, f: Value, kw: &[(&str, Value)]) -> PyResult<Value> {
    let p = ty("functools.partial");
    let mut k = Vec::new();
    for (n, v) in kw {
        k.push((vm.intern(n), *v));
    }
    vm.call_kw(p, &[f], &k)
}

// ---- lru_cache ----------------------------------------------------------------------

struct LruState {
    func: Value,
    cache: Value,
    maxsize: Option<usize>,
    typed: bool,
    hits: Mut<u64>,
    misses: Mut<u64>,
    kwd_mark: Value,
}

impl NativeData for LruState {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.func);
        visit(self.cache);
        visit(self.kwd_mark);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn lru_cache(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `lru_cache(maxsize=128, typed=False)`, a Python function in CPython
    const LRU_CACHE: Sig<2> = Sig::new("lru_cache", ["maxsize", "typed"])
        .posonly(0)
        .required(0)
        .python();
    let b = LRU_CACHE.bind(vm, &a)?;
    let maxsize = b.get(0).unwrap_or(Value::small_int(128));
    let typed = b.get(1).unwrap_or(Value::FALSE);
    if vm.is_intlike(maxsize) && !maxsize.is_bool() || maxsize.is_none() {
        let f = vm.new_builtin("_make_lru_wrapper", make_lru_wrapper_fn);
        return native_partial(vm, f, &[("maxsize", maxsize), ("typed", typed)]);
    }
    if vm.is_callable(maxsize) && !maxsize.is_bool() {
        return make_lru_wrapper(vm, maxsize, Value::small_int(128), typed);
    }
    Err(vm.type_error("Expected first argument to be an integer, a callable, or None"))
}

fn cache(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `cache(user_function, /)`, a Python function in CPython
    const CACHE: Sig<1> = Sig::new("cache", ["user_function"]).python();
    let f = CACHE.bind(vm, &a)?.req(0);
    make_lru_wrapper(vm, f, Value::NONE, Value::FALSE)
}

fn make_lru_wrapper_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `decorating_function(user_function)`, with `maxsize` and `typed` bound
    const WRAPPER: Sig<3> = Sig::new("decorating_function", ["user_function", "maxsize", "typed"])
        .posonly(1)
        .kwonly(1)
        .required(1)
        .python();
    let b = WRAPPER.bind(vm, &a)?;
    let f = b.req(0);
    let maxsize = b.get(1).unwrap_or(Value::small_int(128));
    let typed = b.get(2).unwrap_or(Value::FALSE);
    make_lru_wrapper(vm, f, maxsize, typed)
}

fn make_lru_wrapper(vm: &mut Vm, func: Value, maxsize: Value, typed: Value) -> PyResult<Value> {
    let maxsize = if maxsize.is_none() {
        None
    } else {
        let m = vm.to_i64(maxsize).unwrap_or(0);
        Some(m.max(0) as usize)
    };
    let typed = vm.truthy(typed)?;
    let cache = vm.new_dict();
    vm.temp_roots.push(cache);
    let mark = vm.alloc(vm.types.object, ObjData::Plain);
    vm.temp_roots.push(mark);
    let st = LruState {
        func,
        cache,
        maxsize,
        typed,
        hits: Mut::new(0),
        misses: Mut::new(0),
        kwd_mark: mark,
    };
    let stv = vm.alloc(ty("functools._lru_state"), ObjData::Native(Box::new(st)));
    vm.temp_roots.push(stv);
    let w = vm.new_instance(ty("functools._lru_cache_wrapper"));
    vm.temp_roots.push(w);
    set_iattr(vm, w, "__lru_state__", stv);
    let r = do_update_wrapper(vm, w, func);
    let n = vm.temp_roots.len();
    vm.temp_roots.truncate(n - 4);
    r?;
    Ok(w)
}

fn lru_state(vm: &mut Vm, w: Value) -> PyResult<&'static LruState> {
    let s = iattr(vm, w, "__lru_state__");
    match native::<LruState>(s) {
        Some(st) => Ok(st),
        None => Err(vm.type_error("not an lru_cache wrapper")),
    }
}

fn make_key(vm: &mut Vm, st: &LruState, args: &[Value], kw: &[(Value, Value)]) -> Value {
    if kw.is_empty() && args.len() == 1 && !st.typed {
        let x = args[0];
        let t = vm.type_of(x);
        if t == vm.types.int || t == vm.types.str {
            return x;
        }
    }
    let mut items = args.to_vec();
    if !kw.is_empty() {
        items.push(st.kwd_mark);
        for (k, v) in kw {
            items.push(*k);
            items.push(*v);
        }
    }
    if st.typed {
        for x in args {
            items.push(vm.type_of(*x));
        }
        for (_, v) in kw {
            items.push(vm.type_of(*v));
        }
    }
    vm.new_tuple(items)
}

fn lru_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ANY.bind(vm, &a)?;
    let st = lru_state(vm, b.recv)?;
    let args = b.rest;
    if st.maxsize == Some(0) {
        *st.misses.get() += 1;
        return vm.call_kw(st.func, args, a.kw);
    }
    let key = make_key(vm, st, args, a.kw);
    vm.temp_roots.push(key);
    let r = (|| {
        let h = vm.hash(key)?;
        let ObjData::Dict(d) = &st.cache.obj().data else {
            unreachable!()
        };
        let pos = d.get().find(key, h, &mut |x, y| vm.eq(x, y))?;
        if let Some(i) = pos {
            *st.hits.get() += 1;
            let e = d.get().entries()[i];
            if st.maxsize.is_some() {
                // Move to the most recently used end.
                d.get().remove_at(i);
                d.get().insert_new(e.key, e.hash, e.value);
            }
            return Ok(e.value);
        }
        *st.misses.get() += 1;
        let result = vm.call_kw(st.func, args, a.kw)?;
        vm.temp_roots.push(result);
        let d = match &st.cache.obj().data {
            ObjData::Dict(d) => d,
            _ => unreachable!(),
        };
        let present = d.get().find(key, h, &mut |x, y| vm.eq(x, y))?.is_some();
        if !present {
            if let Some(m) = st.maxsize
                && d.get().len() >= m
                && let Some((i, _)) = d.get().entry_from(0)
            {
                d.get().remove_at(i);
            }
            d.get().insert_new(key, h, result);
        }
        vm.temp_roots.pop();
        Ok(result)
    })();
    vm.temp_roots.pop();
    r
}

fn lru_cache_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const INFO: Sig<0> = Sig::new("_lru_cache_wrapper.cache_info", []).method();
    let recv = INFO.bind(vm, &a)?.recv;
    let st = lru_state(vm, recv)?;
    let hits = vm.new_int(*st.hits.get() as i64);
    let misses = vm.new_int(*st.misses.get() as i64);
    let maxsize = match st.maxsize {
        Some(m) => vm.new_int(m as i64),
        None => Value::NONE,
    };
    let cur = vm.len(st.cache)?;
    let cur = vm.new_int(cur as i64);
    let ci = CACHE_INFO.with(|c| c.get());
    vm.call(ci, &[hits, misses, maxsize, cur])
}

fn lru_cache_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const CLEAR: Sig<0> = Sig::new("_lru_cache_wrapper.cache_clear", []).method();
    let recv = CLEAR.bind(vm, &a)?.recv;
    let st = lru_state(vm, recv)?;
    *st.hits.get() = 0;
    *st.misses.get() = 0;
    if let ObjData::Dict(d) = &st.cache.obj().data {
        d.get().clear();
    }
    Ok(Value::NONE)
}

/// `cache_parameters()`: `{'maxsize': ..., 'typed': ...}` (a lambda in functools.py)
fn lru_cache_parameters(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const PARAMS: Sig<0> = Sig::new("<lambda>", []).method();
    let recv = PARAMS.bind(vm, &a)?.recv;
    let st = lru_state(vm, recv)?;
    let d = vm.new_dict();
    vm.temp_roots.push(d);
    let maxsize = match st.maxsize {
        Some(n) => vm.new_int(n as i64),
        None => Value::NONE,
    };
    let k = vm.intern("maxsize");
    vm.dict_set_str(d, k, maxsize);
    let k = vm.intern("typed");
    vm.dict_set_str(d, k, Value::bool(st.typed));
    vm.temp_roots.pop();
    Ok(d)
}

fn lru_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `__get__(self, instance, owner=None, /)`
    const GET: Sig<2> = Sig::new("__get__", ["instance", "owner"])
        .required(1)
        .method();
    let b = GET.bind(vm, &a)?;
    let (w, obj) = (b.recv, b.req(0));
    if obj.is_none() {
        return Ok(w);
    }
    Ok(vm.alloc(vm.types.method, ObjData::BoundMethod { func: w, slf: obj }))
}

// ---- cmp_to_key ---------------------------------------------------------------------

struct KeyObj {
    cmp: Value,
    obj: Value,
}

impl NativeData for KeyObj {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.cmp);
        visit(self.obj);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn cmp_to_key(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `cmp_to_key(mycmp)`
    const CMP_TO_KEY: Sig<1> = Sig::new("cmp_to_key", ["mycmp"]).posonly(0);
    let cmp = CMP_TO_KEY.bind(vm, &a)?.req(0);
    Ok(vm.alloc(
        ty("functools.KeyWrapper"),
        ObjData::Native(Box::new(KeyObj {
            cmp,
            obj: Value::EMPTY,
        })),
    ))
}

fn key_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `K(obj)` (`PyArg_ParseTupleAndKeywords(args, kwds, "O:K", ...)`)
    const CALL: Sig<1> = Sig::new("K", ["obj"]).posonly(0).method();
    let b = CALL.bind(vm, &a)?;
    let Some(k) = native::<KeyObj>(b.recv) else {
        return Err(vm.type_error("bad KeyWrapper"));
    };
    let obj = b.req(0);
    Ok(vm.alloc(
        ty("functools.KeyWrapper"),
        ObjData::Native(Box::new(KeyObj { cmp: k.cmp, obj })),
    ))
}

fn key_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (Some(x), Some(y)) = (native::<KeyObj>(b.recv), native::<KeyObj>(b.req(0))) else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let r = vm.call(x.cmp, &[x.obj, y.obj])?;
    vm.compare(op, r, Value::small_int(0))
}

// ---- update_wrapper / wraps ---------------------------------------------------------

fn do_update_wrapper(vm: &mut Vm, wrapper: Value, wrapped: Value) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let k = vm.intern(name);
        if let Ok(Some(v)) = vm.getattr_opt(wrapped, k) {
            vm.setattr(wrapper, k, v)?;
        }
    }
    let dk = vm.intern("__dict__");
    if let Ok(Some(d)) = vm.getattr_opt(wrapped, dk)
        && let d = crate::builtins::mappingproxy::target(d).unwrap_or(d)
        && let Some(ObjData::Dict(dd)) = d.as_obj().map(|o| &o.data)
    {
        let entries: Vec<(Value, Value)> = dd.get().iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            if vm.is_str(k) {
                let k = vm.intern_value(k);
                vm.setattr(wrapper, k, v)?;
            }
        }
    }
    let wk = vm.intern("__wrapped__");
    vm.setattr(wrapper, wk, wrapped)
}

fn update_wrapper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `update_wrapper(wrapper, wrapped, assigned=..., updated=...)`, a Python
    /// function in CPython
    const UPDATE_WRAPPER: Sig<4> = Sig::new(
        "update_wrapper",
        ["wrapper", "wrapped", "assigned", "updated"],
    )
    .posonly(0)
    .required(2)
    .python();
    let b = UPDATE_WRAPPER.bind(vm, &a)?;
    let (wrapper, wrapped) = (b.req(0), b.req(1));
    let (assigned, updated) = (b.get(2), b.get(3));
    if assigned.is_none() && updated.is_none() {
        do_update_wrapper(vm, wrapper, wrapped)?;
        return Ok(wrapper);
    }
    let names = match assigned {
        Some(v) => vm.collect_iter(v)?,
        None => ["__module__", "__name__", "__qualname__", "__doc__"]
            .iter()
            .map(|n| vm.intern(n))
            .collect(),
    };
    for k in names {
        let k = attr_name(vm, k)?;
        if let Some(v) = getattr_or_none(vm, wrapped, k)? {
            vm.setattr(wrapper, k, v)?;
        }
    }
    let upd = match updated {
        Some(v) => vm.collect_iter(v)?,
        None => vec![vm.intern("__dict__")],
    };
    for k in upd {
        let k = attr_name(vm, k)?;
        let target = vm.getattr(wrapper, k)?;
        let source = match getattr_or_none(vm, wrapped, k)? {
            Some(d) => d,
            None => vm.new_dict(),
        };
        vm.call_method(target, "update", &[source])?;
    }
    let wk = vm.intern("__wrapped__");
    vm.setattr(wrapper, wk, wrapped)?;
    Ok(wrapper)
}

/// `getattr(obj, name)`, None when it raises AttributeError.
fn getattr_or_none(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    match vm.getattr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.matches(e.0, "AttributeError") => Ok(None),
        Err(e) => Err(e),
    }
}

/// An attribute name from `assigned`/`updated`: a str, as `getattr` requires.
fn attr_name(vm: &mut Vm, k: Value) -> PyResult<Value> {
    if !vm.is_str(k) {
        let tn = vm.type_name(k);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    Ok(vm.intern_value(k))
}

fn wraps(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `wraps(wrapped, assigned=..., updated=...)`, a Python function in CPython
    const WRAPS: Sig<3> = Sig::new("wraps", ["wrapped", "assigned", "updated"])
        .posonly(0)
        .required(1)
        .python();
    let b = WRAPS.bind(vm, &a)?;
    let f = vm.new_builtin("update_wrapper", update_wrapper);
    let mut kw = vec![("wrapped", b.req(0))];
    if let Some(x) = b.get(1) {
        kw.push(("assigned", x));
    }
    if let Some(x) = b.get(2) {
        kw.push(("updated", x));
    }
    let _ = str_of;
    native_partial(vm, f, &kw)
}
