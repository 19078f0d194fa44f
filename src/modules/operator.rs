//! The `operator` module: the operators as functions, plus itemgetter, attrgetter and
//! methodcaller objects.

use crate::builtins::signature::{Sig, Style};
use crate::compiler::bytecode::{BinOp, CmpOp, UnOp};
use crate::modules::itertools::{add_method_as, make_type, native, set_attr, ty};
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("operator", init);
    // the accelerator name too: the module is native already
    vm.native_modules.insert("_operator", init);
}

macro_rules! binops {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: Args| {
            let [x, y] = args(vm, $name, &a)?;
            vm.binary_op($op, x, y)
        }),)*]
    };
}

macro_rules! ibinops {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: Args| {
            let [x, y] = args(vm, $name, &a)?;
            if $name == "iconcat" && !is_sequence(vm, x) {
                return Err(vm.type_error(&format!(
                    "'{}' object can't be concatenated",
                    vm.type_name(x)
                )));
            }
            vm.inplace_op($op, x, y)
        }),)*]
    };
}

macro_rules! cmpops {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: Args| {
            let [x, y] = args(vm, $name, &a)?;
            vm.compare($op, x, y)
        }),)*]
    };
}

type Fns = &'static [(&'static str, crate::object::NativeFn)];

const BIN: Fns = binops! {
    "add" => BinOp::Add, "sub" => BinOp::Sub, "mul" => BinOp::Mul, "truediv" => BinOp::TrueDiv,
    "floordiv" => BinOp::FloorDiv, "mod" => BinOp::Mod, "pow" => BinOp::Pow, "lshift" => BinOp::LShift,
    "rshift" => BinOp::RShift, "and_" => BinOp::And, "or_" => BinOp::Or, "xor" => BinOp::Xor,
    "matmul" => BinOp::MatMul,
    "__add__" => BinOp::Add, "__sub__" => BinOp::Sub, "__mul__" => BinOp::Mul, "__truediv__" => BinOp::TrueDiv,
    "__floordiv__" => BinOp::FloorDiv, "__mod__" => BinOp::Mod, "__pow__" => BinOp::Pow,
    "__lshift__" => BinOp::LShift, "__rshift__" => BinOp::RShift, "__and__" => BinOp::And,
    "__or__" => BinOp::Or, "__xor__" => BinOp::Xor,
};

const IBIN: Fns = ibinops! {
    "iadd" => BinOp::Add, "isub" => BinOp::Sub, "imul" => BinOp::Mul, "itruediv" => BinOp::TrueDiv,
    "ifloordiv" => BinOp::FloorDiv, "imod" => BinOp::Mod, "ipow" => BinOp::Pow, "ilshift" => BinOp::LShift,
    "irshift" => BinOp::RShift, "iand" => BinOp::And, "ior" => BinOp::Or, "ixor" => BinOp::Xor,
    "imatmul" => BinOp::MatMul, "iconcat" => BinOp::Add,
    "__iadd__" => BinOp::Add, "__isub__" => BinOp::Sub, "__imul__" => BinOp::Mul,
};

const CMP: Fns = cmpops! {
    "lt" => CmpOp::Lt, "le" => CmpOp::Le, "eq" => CmpOp::Eq, "ne" => CmpOp::Ne, "gt" => CmpOp::Gt, "ge" => CmpOp::Ge,
    "__lt__" => CmpOp::Lt, "__le__" => CmpOp::Le, "__eq__" => CmpOp::Eq, "__ne__" => CmpOp::Ne,
    "__gt__" => CmpOp::Gt, "__ge__" => CmpOp::Ge,
};

fn unary(vm: &mut Vm, a: &Args, name: &'static str, op: UnOp) -> PyResult<Value> {
    let [x] = args(vm, name, a)?;
    vm.unary_op(op, x)
}

/// The items `countOf`/`indexOf` search: CPython's `argument of type 'int' is not
/// iterable` for a non-iterable.
fn search_items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let it = match vm.iter(v) {
        Ok(it) => it,
        Err(e) if vm.matches(e.0, "TypeError") => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("argument of type '{tn}' is not iterable")));
        }
        Err(e) => return Err(e),
    };
    vm.collect_iter(it)
}

fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    matches!(
        v.as_obj().map(|o| &o.data),
        Some(
            ObjData::List(_)
                | ObjData::Tuple(_)
                | ObjData::Str(_)
                | ObjData::Bytes(_)
                | ObjData::ByteArray(_)
        )
    ) || vm.dunder(v, "__getitem__").is_some()
}

const MISC: Fns = &[
    ("neg", |vm, a| unary(vm, &a, "neg", UnOp::Neg)),
    ("pos", |vm, a| unary(vm, &a, "pos", UnOp::Pos)),
    ("invert", |vm, a| unary(vm, &a, "invert", UnOp::Invert)),
    ("inv", |vm, a| unary(vm, &a, "inv", UnOp::Invert)),
    ("__neg__", |vm, a| unary(vm, &a, "neg", UnOp::Neg)),
    ("__invert__", |vm, a| unary(vm, &a, "invert", UnOp::Invert)),
    ("not_", |vm, a| {
        let [x] = args(vm, "not_", &a)?;
        Ok(Value::bool(!vm.truthy(x)?))
    }),
    ("truth", |vm, a| {
        let [x] = args(vm, "truth", &a)?;
        Ok(Value::bool(vm.truthy(x)?))
    }),
    ("is_", |vm, a| {
        let [x, y] = args(vm, "is_", &a)?;
        Ok(Value::bool(x == y))
    }),
    ("is_not", |vm, a| {
        let [x, y] = args(vm, "is_not", &a)?;
        Ok(Value::bool(x != y))
    }),
    ("abs", |vm, a| {
        let [x] = args(vm, "abs", &a)?;
        let k = vm.intern("abs");
        let f = vm.dict_get_str(vm.builtins, k).unwrap_or(Value::NONE);
        vm.call(f, &[x])
    }),
    ("index", |vm, a| {
        let [x] = args(vm, "index", &a)?;
        let v = x;
        if vm.is_int(v) || v.is_bool() {
            if v.is_bool() {
                return Ok(Value::small_int((v == Value::TRUE) as i64));
            }
            return Ok(v);
        }
        match vm.call_dunder(v, "__index__", &[])? {
            Some(r) => Ok(r),
            None => Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        }
    }),
    ("concat", |vm, a| {
        let [x, y] = args(vm, "concat", &a)?;
        if !is_sequence(vm, x) {
            return Err(vm.type_error(&format!(
                "'{}' object can't be concatenated",
                vm.type_name(x)
            )));
        }
        vm.binary_op(BinOp::Add, x, y)
    }),
    ("contains", |vm, a| {
        let [x, y] = args(vm, "contains", &a)?;
        Ok(Value::bool(vm.contains(x, y)?))
    }),
    ("countOf", |vm, a| {
        let [x, y] = args(vm, "countOf", &a)?;
        let items = search_items(vm, x)?;
        let mut n = 0;
        for x in items {
            if x == y || vm.eq(x, y)? {
                n += 1;
            }
        }
        Ok(vm.new_int(n))
    }),
    ("indexOf", |vm, a| {
        let [x, y] = args(vm, "indexOf", &a)?;
        let items = search_items(vm, x)?;
        for (i, x) in items.into_iter().enumerate() {
            if x == y || vm.eq(x, y)? {
                return Ok(vm.new_int(i as i64));
            }
        }
        Err(vm.value_error("sequence.index(x): x not in sequence"))
    }),
    ("getitem", |vm, a| {
        let [x, y] = args(vm, "getitem", &a)?;
        vm.getitem(x, y)
    }),
    ("__getitem__", |vm, a| {
        let [x, y] = args(vm, "getitem", &a)?;
        vm.getitem(x, y)
    }),
    ("setitem", |vm, a| {
        let [x, y, z] = args(vm, "setitem", &a)?;
        vm.setitem(x, y, z)?;
        Ok(Value::NONE)
    }),
    ("delitem", |vm, a| {
        let [x, y] = args(vm, "delitem", &a)?;
        vm.delitem(x, y)?;
        Ok(Value::NONE)
    }),
    ("length_hint", |vm, a| {
        const HINT: Sig<2> = Sig::new("length_hint", ["obj", "default"])
            .required(1)
            .owner("_operator");
        let b = HINT.bind(vm, &a)?;
        let default = match b.get(1) {
            None => 0,
            Some(d) if vm.is_intlike(d) => vm.to_i64(d).unwrap_or(0),
            Some(d) => {
                let tn = vm.type_name(d);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        };
        let o = b.req(0);
        match vm.len(o) {
            Ok(n) => return Ok(vm.new_int(n as i64)),
            Err(e) if !vm.matches(e.0, "TypeError") => return Err(e),
            Err(_) => {}
        }
        // a __length_hint__ that raises TypeError is as good as none
        let r = match vm.call_dunder(o, "__length_hint__", &[]) {
            Ok(r) => r,
            Err(e) if vm.matches(e.0, "TypeError") => None,
            Err(e) => return Err(e),
        };
        match r {
            Some(r) if r != vm.not_implemented => {
                if !vm.is_intlike(r) {
                    let tn = vm.type_name(r);
                    return Err(
                        vm.type_error(&format!("__length_hint__ must be an integer, not {tn}"))
                    );
                }
                if vm.to_i64(r).is_some_and(|n| n < 0) {
                    return Err(vm.value_error("__length_hint__() should return >= 0"));
                }
                Ok(r)
            }
            _ => Ok(vm.new_int(default)),
        }
    }),
];

// ---- itemgetter / attrgetter / methodcaller -------------------------------------------

struct Getter {
    /// itemgetter: the items; attrgetter: each attribute path split on dots;
    /// methodcaller: [name, args...]
    items: Vec<Value>,
    paths: Vec<Vec<Value>>,
    kw: Vec<(Value, Value)>,
}

impl NativeData for Getter {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.items.iter().for_each(|v| visit(*v));
        self.paths.iter().flatten().for_each(|v| visit(*v));
        for (k, v) in &self.kw {
            visit(*k);
            visit(*v);
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The positional arguments of a constructor called both as the module function
/// and as the type's `__new__` (with the class first).
fn without_cls<'a>(a: &Args<'a>, key: &'static str) -> &'a [Value] {
    match a.pos.split_first() {
        Some((c, rest)) if *c == ty(key) => rest,
        _ => a.pos,
    }
}

fn no_keywords(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

fn getter(vm: &mut Vm, v: Value) -> PyResult<&'static Getter> {
    native::<Getter>(v).ok_or_else(|| vm.type_error("bad operator object"))
}

fn itemgetter_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Called both as the module function and as the type's __new__ (cls first).
    let args = without_cls(&a, "operator.itemgetter");
    no_keywords(vm, &a, "itemgetter")?;
    if args.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let g = Getter {
        items: args.to_vec(),
        paths: Vec::new(),
        kw: Vec::new(),
    };
    Ok(vm.alloc(ty("operator.itemgetter"), ObjData::Native(Box::new(g))))
}

fn itemgetter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `itemgetter.__call__(obj)`, worded as CPython's `PyArg_UnpackTuple`
    const CALL: Sig<1> = Sig::new("itemgetter", ["obj"])
        .constructor()
        .style(Style::Positional);
    let b = CALL.bind(vm, &a)?;
    let (g, obj) = (getter(vm, b.recv)?, b.req(0));
    if g.items.len() == 1 {
        return vm.getitem(obj, g.items[0]);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for k in &g.items {
        out.push(vm.getitem(obj, *k)?);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = without_cls(&a, "operator.attrgetter");
    no_keywords(vm, &a, "attrgetter")?;
    if args.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::new();
    for n in args {
        if !vm.is_str(*n) {
            return Err(vm.type_error("attribute name must be a string"));
        }
        let parts: Vec<Value> = str_of(*n).split('.').map(|p| vm.intern(p)).collect();
        paths.push(parts);
    }
    let g = Getter {
        items: args.to_vec(),
        paths,
        kw: Vec::new(),
    };
    Ok(vm.alloc(ty("operator.attrgetter"), ObjData::Native(Box::new(g))))
}

fn attrgetter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `attrgetter.__call__(obj)`, worded as CPython's `PyArg_UnpackTuple`
    const CALL: Sig<1> = Sig::new("attrgetter", ["obj"])
        .constructor()
        .style(Style::Positional);
    let b = CALL.bind(vm, &a)?;
    let (g, obj) = (getter(vm, b.recv)?, b.req(0));
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        let mut v = obj;
        for name in path {
            v = vm.getattr(v, *name)?;
        }
        if g.paths.len() == 1 {
            return Ok(v);
        }
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

fn methodcaller_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let args = without_cls(&a, "operator.methodcaller");
    if args.is_empty() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if !vm.is_str(args[0]) {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = vm.intern_value(args[0]);
    let mut items = vec![name];
    items.extend_from_slice(&args[1..]);
    let g = Getter {
        items,
        paths: Vec::new(),
        kw: a.kw.to_vec(),
    };
    Ok(vm.alloc(ty("operator.methodcaller"), ObjData::Native(Box::new(g))))
}

fn methodcaller_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `methodcaller.__call__(obj)`, worded as CPython's `PyArg_UnpackTuple`
    const CALL: Sig<1> = Sig::new("methodcaller", ["obj"])
        .constructor()
        .style(Style::Positional);
    let b = CALL.bind(vm, &a)?;
    let (g, obj) = (getter(vm, b.recv)?, b.req(0));
    let f = vm.getattr(obj, g.items[0])?;
    vm.call_kw(f, &g.items[1..], &g.kw)
}

fn getter_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REPR: Sig<0> = Sig::new("__repr__", []).method();
    let s = REPR.bind(vm, &a)?.recv;
    let g = getter(vm, s)?;
    let t = vm.type_of(s);
    let name = crate::vm::types::type_obj(t).name.clone();
    let mut parts = Vec::new();
    for x in &g.items {
        parts.push(vm.repr_string(*x)?);
    }
    for (k, v) in &g.kw {
        parts.push(format!("{}={}", str_of(*k), vm.repr_string(*v)?));
    }
    Ok(vm.new_string(format!("operator.{name}({})", parts.join(", "))))
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("operator");
    let d = vm.module_dict(m);
    for set in [BIN, IBIN, CMP, MISC] {
        for (name, f) in set {
            vm.add_fn(d, name, *f);
        }
    }
    let obj = vm.types.object;
    let kinds: [(
        &'static str,
        &'static str,
        crate::object::NativeFn,
        crate::object::NativeFn,
    ); 3] = [
        (
            "operator.itemgetter",
            "itemgetter",
            itemgetter_new,
            itemgetter_call,
        ),
        (
            "operator.attrgetter",
            "attrgetter",
            attrgetter_new,
            attrgetter_call,
        ),
        (
            "operator.methodcaller",
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
        ),
    ];
    for (key, name, new, call) in kinds {
        let t = make_type(vm, key, name, "operator", obj);
        vm.add_method(t, "__new__", new);
        vm.add_method(t, "__call__", call);
        add_method_as(vm, t, "__repr__ ", getter_repr);
        add_method_as(vm, t, "__reduce__", getter_reduce);
        set_attr(vm, m, name, t);
    }
    vm.add_fn(d, "call", |vm, a| {
        // `call(obj, /, *args, **kwargs)`
        let Some((&f, rest)) = a.pos.split_first() else {
            return Err(vm.type_error("call() missing 1 required positional argument: 'obj'"));
        };
        vm.call_kw(f, rest, a.kw)
    });
    // the dunder names are the same functions (`operator.__add__ is operator.add`)
    for name in ALL {
        let dunder = format!("__{}__", name.trim_matches('_'));
        let (k, dk) = (vm.intern(name), vm.intern(&dunder));
        if let (Some(f), Some(_)) = (vm.dict_get_str(d, k), vm.dict_get_str(d, dk)) {
            vm.dict_set_str(d, dk, f);
        }
    }
    let k = vm.intern("__call__");
    let ck = vm.intern("call");
    if let Some(f) = vm.dict_get_str(d, ck) {
        vm.dict_set_str(d, k, f);
    }
    let names = ALL.iter().map(|n| vm.new_str(n)).collect();
    let all = vm.new_list(names);
    set_attr(vm, m, "__all__", all);
    Ok(m)
}

/// CPython's `operator.__all__`.
const ALL: [&str; 55] = [
    "abs",
    "add",
    "and_",
    "attrgetter",
    "call",
    "concat",
    "contains",
    "countOf",
    "delitem",
    "eq",
    "floordiv",
    "ge",
    "getitem",
    "gt",
    "iadd",
    "iand",
    "iconcat",
    "ifloordiv",
    "ilshift",
    "imatmul",
    "imod",
    "imul",
    "index",
    "indexOf",
    "inv",
    "invert",
    "ior",
    "ipow",
    "irshift",
    "is_",
    "is_not",
    "isub",
    "itemgetter",
    "itruediv",
    "ixor",
    "le",
    "length_hint",
    "lshift",
    "lt",
    "matmul",
    "methodcaller",
    "mod",
    "mul",
    "ne",
    "neg",
    "not_",
    "or_",
    "pos",
    "pow",
    "rshift",
    "setitem",
    "sub",
    "truediv",
    "truth",
    "xor",
];

/// `itemgetter(*items)`, `attrgetter(*names)`: `(type, items)`;
/// `methodcaller(name, *args, **kwargs)`: `(type, (name, *args))`, or with
/// keywords `(partial(type, name, **kwargs), args)`, as CPython's.
fn getter_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const REDUCE: Sig<0> = Sig::new("__reduce__", []).method();
    let s = REDUCE.bind(vm, &a)?.recv;
    let g = getter(vm, s)?;
    let t = vm.type_of(s);
    let base = vm.temp_roots.len();
    let r = if g.kw.is_empty() {
        let args = vm.new_tuple(g.items.clone());
        vm.temp_roots.push(args);
        vm.new_tuple(vec![t, args])
    } else {
        let functools = vm.import("functools", Value::NONE, 0, Value::NONE)?;
        let k = vm.intern("partial");
        let partial = vm.getattr(functools, k)?;
        let p = vm.call_kw(partial, &[t, g.items[0]], &g.kw)?;
        vm.temp_roots.push(p);
        let args = vm.new_tuple(g.items[1..].to_vec());
        vm.temp_roots.push(args);
        vm.new_tuple(vec![p, args])
    };
    vm.temp_roots.truncate(base);
    Ok(r)
}

/// The arguments of `_operator`'s functions (all positional-only and required):
/// `_operator.neg() takes exactly one argument (0 given)`, `add expected 2
/// arguments, got 1`, `_operator.add() takes no keyword arguments`.
fn args<const N: usize>(vm: &mut Vm, name: &'static str, a: &Args) -> PyResult<[Value; N]> {
    let sig = Sig::new(name, [""; N]).owner("_operator");
    let b = sig.bind(vm, a)?;
    Ok(b.args.map(|v| v.unwrap_or(Value::NONE)))
}
