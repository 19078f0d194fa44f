//! The `operator` module: the operators as functions, plus itemgetter, attrgetter and
//! methodcaller objects.

use crate::builtins::signature::Sig;
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
            check_args(vm, $name, &a, 2, 2)?;
            vm.binary_op($op, a.pos[0], a.pos[1])
        }),)*]
    };
}

macro_rules! ibinops {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: Args| {
            check_args(vm, $name, &a, 2, 2)?;
            vm.inplace_op($op, a.pos[0], a.pos[1])
        }),)*]
    };
}

macro_rules! cmpops {
    ($($name:literal => $op:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: Args| {
            check_args(vm, $name, &a, 2, 2)?;
            vm.compare($op, a.pos[0], a.pos[1])
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
    check_args(vm, name, a, 1, 1)?;
    vm.unary_op(op, a.pos[0])
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
        check_args(vm, "not_", &a, 1, 1)?;
        Ok(Value::bool(!vm.truthy(a.pos[0])?))
    }),
    ("truth", |vm, a| {
        check_args(vm, "truth", &a, 1, 1)?;
        Ok(Value::bool(vm.truthy(a.pos[0])?))
    }),
    ("is_", |vm, a| {
        check_args(vm, "is_", &a, 2, 2)?;
        Ok(Value::bool(a.pos[0] == a.pos[1]))
    }),
    ("is_not", |vm, a| {
        check_args(vm, "is_not", &a, 2, 2)?;
        Ok(Value::bool(a.pos[0] != a.pos[1]))
    }),
    ("abs", |vm, a| {
        check_args(vm, "abs", &a, 1, 1)?;
        let k = vm.intern("abs");
        let f = vm.dict_get_str(vm.builtins, k).unwrap_or(Value::NONE);
        vm.call(f, &[a.pos[0]])
    }),
    ("index", |vm, a| {
        check_args(vm, "index", &a, 1, 1)?;
        let v = a.pos[0];
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
        check_args(vm, "concat", &a, 2, 2)?;
        if !is_sequence(vm, a.pos[0]) {
            return Err(vm.type_error(&format!(
                "'{}' object can't be concatenated",
                vm.type_name(a.pos[0])
            )));
        }
        vm.binary_op(BinOp::Add, a.pos[0], a.pos[1])
    }),
    ("contains", |vm, a| {
        check_args(vm, "contains", &a, 2, 2)?;
        Ok(Value::bool(vm.contains(a.pos[0], a.pos[1])?))
    }),
    ("countOf", |vm, a| {
        check_args(vm, "countOf", &a, 2, 2)?;
        let items = vm.collect_iter(a.pos[0])?;
        let mut n = 0;
        for x in items {
            if x == a.pos[1] || vm.eq(x, a.pos[1])? {
                n += 1;
            }
        }
        Ok(vm.new_int(n))
    }),
    ("indexOf", |vm, a| {
        check_args(vm, "indexOf", &a, 2, 2)?;
        let items = vm.collect_iter(a.pos[0])?;
        for (i, x) in items.into_iter().enumerate() {
            if x == a.pos[1] || vm.eq(x, a.pos[1])? {
                return Ok(vm.new_int(i as i64));
            }
        }
        Err(vm.value_error("sequence.index(x): x not in sequence"))
    }),
    ("getitem", |vm, a| {
        check_args(vm, "getitem", &a, 2, 2)?;
        vm.getitem(a.pos[0], a.pos[1])
    }),
    ("__getitem__", |vm, a| {
        check_args(vm, "getitem", &a, 2, 2)?;
        vm.getitem(a.pos[0], a.pos[1])
    }),
    ("setitem", |vm, a| {
        check_args(vm, "setitem", &a, 3, 3)?;
        vm.setitem(a.pos[0], a.pos[1], a.pos[2])?;
        Ok(Value::NONE)
    }),
    ("delitem", |vm, a| {
        check_args(vm, "delitem", &a, 2, 2)?;
        vm.delitem(a.pos[0], a.pos[1])?;
        Ok(Value::NONE)
    }),
    ("length_hint", |vm, a| {
        check_args(vm, "length_hint", &a, 1, 2)?;
        match vm.len(a.pos[0]) {
            Ok(n) => Ok(vm.new_int(n as i64)),
            Err(_) => Ok(a.get(1).unwrap_or(Value::small_int(0))),
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

fn getter(vm: &mut Vm, v: Value) -> PyResult<&'static Getter> {
    native::<Getter>(v).ok_or_else(|| vm.type_error("bad operator object"))
}

fn itemgetter_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // Called both as the module function and as the type's __new__ (cls first).
    let args = if a
        .pos
        .first()
        .is_some_and(|c| *c == ty("operator.itemgetter"))
    {
        &a.pos[1..]
    } else {
        a.pos
    };
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
    let g = getter(vm, a.pos[0])?;
    let Some(obj) = a.get(1) else {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    };
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
    let args = if a
        .pos
        .first()
        .is_some_and(|c| *c == ty("operator.attrgetter"))
    {
        &a.pos[1..]
    } else {
        a.pos
    };
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
    let g = getter(vm, a.pos[0])?;
    let Some(obj) = a.get(1) else {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    };
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
    let args = if a
        .pos
        .first()
        .is_some_and(|c| *c == ty("operator.methodcaller"))
    {
        &a.pos[1..]
    } else {
        a.pos
    };
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
    let g = getter(vm, a.pos[0])?;
    let Some(obj) = a.get(1) else {
        return Err(vm.type_error("methodcaller expected 1 argument, got 0"));
    };
    let f = vm.getattr(obj, g.items[0])?;
    vm.call_kw(f, &g.items[1..], &g.kw)
}

fn getter_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = a.pos[0];
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
        set_attr(vm, m, name, t);
    }
    Ok(m)
}

/// The arity of `_operator`'s functions (all positional-only): `_operator.neg()
/// takes exactly one argument (0 given)`, `add expected 2 arguments, got 1`,
/// `length_hint expected at least 1 argument, got 0`, `_operator.add() takes no
/// keyword arguments`.
fn check_args(vm: &mut Vm, name: &'static str, a: &Args, min: usize, max: usize) -> PyResult<()> {
    match (min, max) {
        (1, 1) => Sig::new(name, ["a"])
            .owner("_operator")
            .bind(vm, a)
            .map(|_| ()),
        (2, 2) => Sig::new(name, ["a", "b"])
            .owner("_operator")
            .bind(vm, a)
            .map(|_| ()),
        (3, 3) => Sig::new(name, ["a", "b", "c"])
            .owner("_operator")
            .bind(vm, a)
            .map(|_| ()),
        _ => Sig::new(name, ["a", "b"])
            .required(1)
            .owner("_operator")
            .bind(vm, a)
            .map(|_| ()),
    }
}
