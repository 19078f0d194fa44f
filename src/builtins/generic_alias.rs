//! `types.GenericAlias` (what `list[int]` is: PEP 585) and `types.UnionType`
//! (what `int | None` is: PEP 604): their reprs, equality and hashing,
//! `__origin__`/`__args__`/`__parameters__`, calling and subclassing through the
//! origin, substituting type variables, and `isinstance` against a union.

use crate::builtins::signature::Sig;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::types::{is_type, type_obj};
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let object = vm.types.object;
    let ga = vm.new_native_type("GenericAlias", "types", object);
    vm.add_method(ga, "__new__", |vm, a| {
        /// `GenericAlias(origin, args, /)`
        const NEW: Sig<2> = Sig::new("GenericAlias", ["origin", "args"]).constructor();
        let b = NEW.bind(vm, &a)?;
        new_alias(vm, b.req(0), b.req(1))
    });
    vm.add_method(ga, "__repr__", ga_repr);
    vm.add_method(ga, "__call__", ga_call);
    vm.add_method(ga, "__mro_entries__", |vm, a| {
        const MRO_ENTRIES: Sig<1> = Sig::new("__mro_entries__", ["bases"])
            .owner("GenericAlias")
            .method();
        let recv = MRO_ENTRIES.bind(vm, &a)?.recv;
        let o = attr(vm, recv, "__origin__")?;
        Ok(vm.new_tuple(vec![o]))
    });
    vm.add_method(ga, "__eq__", |vm, a| {
        let b = ONE.bind(vm, &a)?;
        let (this, other) = (b.recv, b.req(0));
        if !vm.isinstance(other, vm.generic_alias_type) {
            return Ok(vm.not_implemented);
        }
        let mut same = true;
        for k in ["__origin__", "__args__", "__unpacked__"] {
            let x = attr(vm, this, k)?;
            let y = attr(vm, other, k)?;
            let r = vm.compare(crate::compiler::bytecode::CmpOp::Eq, x, y)?;
            same &= vm.truthy(r)?;
        }
        Ok(Value::bool(same))
    });
    vm.add_method(ga, "__hash__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let o = attr(vm, recv, "__origin__")?;
        let g = attr(vm, recv, "__args__")?;
        let h = vm.hash(o)? ^ vm.hash(g)?;
        Ok(vm.new_int(h))
    });
    vm.add_method(ga, "__getitem__", ga_getitem);
    vm.add_method(ga, "__iter__", ga_iter);
    vm.add_method(ga, "__or__", |vm, a| or_native(vm, a, false));
    vm.add_method(ga, "__ror__", |vm, a| or_native(vm, a, true));
    vm.add_method(ga, "__instancecheck__", |vm, a| {
        ONE.bind(vm, &a)?;
        Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
    });
    vm.add_method(ga, "__subclasscheck__", |vm, a| {
        ONE.bind(vm, &a)?;
        Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
    });
    vm.generic_alias_type = ga;

    let un = vm.new_native_type("UnionType", "types", object);
    vm.add_method(un, "__repr__", union_repr);
    vm.add_method(un, "__or__", |vm, a| or_native(vm, a, false));
    vm.add_method(un, "__ror__", |vm, a| or_native(vm, a, true));
    vm.add_method(un, "__eq__", |vm, a| {
        let b = ONE.bind(vm, &a)?;
        if !vm.isinstance(b.req(0), vm.union_type) {
            return Ok(vm.not_implemented);
        }
        let x = union_args(vm, b.recv)?;
        let y = union_args(vm, b.req(0))?;
        let same = x.len() == y.len() && x.iter().all(|v| y.contains(v));
        Ok(Value::bool(same))
    });
    vm.add_method(un, "__hash__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let mut h: i64 = 0x5ea1;
        for v in union_args(vm, recv)? {
            h ^= vm.hash(v)?;
        }
        Ok(vm.new_int(h))
    });
    vm.add_method(un, "__instancecheck__", |vm, a| union_check(vm, a, true));
    vm.add_method(un, "__subclasscheck__", |vm, a| union_check(vm, a, false));
    vm.union_type = un;

    // `type | type`, `type | None`
    let t = vm.types.type_;
    vm.add_method(t, "__or__", |vm, a| or_native(vm, a, false));
    vm.add_method(t, "__ror__", |vm, a| or_native(vm, a, true));
    // the built-in generic classes of PEP 585
    for t in [
        vm.types.list,
        vm.types.dict,
        vm.types.tuple,
        vm.types.set,
        vm.types.frozenset,
        vm.types.type_,
    ] {
        add_class_getitem(vm, t);
    }
}

/// The slot methods of no argument or one, whose arity the call path checks.
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

/// `x | y` and `y | x` of a type, an alias or a union.
fn or_native(vm: &mut Vm, a: Args, reflected: bool) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    if reflected {
        union_or(vm, b.req(0), b.recv)
    } else {
        union_or(vm, b.recv, b.req(0))
    }
}

/// `cls.__class_getitem__(item, /)`: a class method (`list.__class_getitem__(int)`
/// gets `list` as its receiver, as `list[int]` does).
const CLASS_GETITEM: Sig<1> = Sig::new("__class_getitem__", ["item"]).method();

/// Gives built-in type `t` the `__class_getitem__` class method making a
/// GenericAlias.
pub fn add_class_getitem(vm: &mut Vm, t: Value) {
    let f = vm.new_builtin("__class_getitem__", |vm, a| {
        let b = CLASS_GETITEM.bind(vm, &a)?;
        new_alias(vm, b.recv, b.req(0))
    });
    let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(f));
    let k = vm.intern("__class_getitem__");
    vm.type_set_attr(t, k, cm);
}

fn attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    let k = vm.intern(name);
    vm.getattr(obj, k)
}

fn set(vm: &mut Vm, obj: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.instance_set_attr(obj, k, v);
}

/// `GenericAlias(origin, args)`: `args` a tuple, or one argument.
pub fn new_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let items = match vm.tuple_items(args) {
        Some(items) if vm.type_of(args) == vm.types.tuple => items,
        _ => vec![args],
    };
    let params = collect_parameters(vm, &items)?;
    let args = vm.new_tuple(items);
    vm.temp_roots.push(args);
    let params = vm.new_tuple(params);
    vm.temp_roots.push(params);
    let cls = vm.generic_alias_type;
    let ga = vm.new_instance(cls);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    set(vm, ga, "__origin__", origin);
    set(vm, ga, "__args__", args);
    set(vm, ga, "__parameters__", params);
    set(vm, ga, "__unpacked__", Value::FALSE);
    Ok(ga)
}

/// `iter(tuple[int, str])` yields the alias unpacked once: `*tuple[int, str]`
/// (PEP 646: what `*args: *tuple[int, ...]` and `x[*alias]` evaluate).
fn ga_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let o = attr(vm, recv, "__origin__")?;
    let args = attr(vm, recv, "__args__")?;
    let star = new_alias(vm, o, args)?;
    set(vm, star, "__unpacked__", Value::TRUE);
    vm.temp_roots.push(star);
    let l = vm.new_list(vec![star]);
    vm.temp_roots.pop();
    vm.iter(l)
}

/// The type variables among `args` (objects with `__typing_subst__`, as typing's
/// TypeVar and ParamSpec) and inside nested generic aliases, in order.
fn collect_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    collect_parameters_in(vm, args, &mut Vec::new())
}

/// [`collect_parameters`] below the containers in `open` (a list holding itself
/// is looked into once).
fn collect_parameters_in(
    vm: &mut Vm,
    args: &[Value],
    open: &mut Vec<Value>,
) -> PyResult<Vec<Value>> {
    vm.check_native_stack()?;
    let mut out: Vec<Value> = Vec::new();
    let sk = vm.intern("__typing_subst__");
    let pk = vm.intern("__parameters__");
    for &a in args {
        if !a.is_obj() || vm.is_str(a) {
            continue;
        }
        if is_type(a) {
            continue;
        }
        if soft_getattr(vm, a, sk)?.is_some() {
            if !out.contains(&a) {
                out.push(a);
            }
        } else if let Some(p) = soft_getattr(vm, a, pk)?
            && let Some(ps) = vm.tuple_items(p)
        {
            for x in ps {
                if !out.contains(&x) {
                    out.push(x);
                }
            }
        } else if !open.contains(&a)
            && let Some(items) = vm.tuple_items(a).or_else(|| list_items(a))
        {
            open.push(a);
            let inner = collect_parameters_in(vm, &items, open);
            open.pop();
            for x in inner? {
                if !out.contains(&x) {
                    out.push(x);
                }
            }
        }
    }
    Ok(out)
}

/// `getattr(v, name, None)`: an AttributeError (typing's aliases raise one from
/// `__getattr__` for dunder names) reads as absent.
fn soft_getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    match vm.getattr_opt(v, name) {
        Err(e) if vm.matches(e.0, "AttributeError") => Ok(None),
        r => r,
    }
}

fn list_items(v: Value) -> Option<Vec<Value>> {
    match v.as_obj().map(|o| &o.data) {
        Some(ObjData::List(l)) => Some(l.get().clone()),
        _ => None,
    }
}

/// How CPython writes one item of a generic alias: `...`, a class as
/// `module.qualname` (`qualname` for builtins), anything else by its repr.
fn repr_item(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.ellipsis {
        return Ok("...".into());
    }
    if let Some(items) = list_items(v) {
        // one level, as CPython: a list inside is written by its repr (a list
        // holding itself is `[...]`, not an endless recursion)
        let parts: PyResult<Vec<String>> = items.iter().map(|x| repr_plain_item(vm, *x)).collect();
        return Ok(format!("[{}]", parts?.join(", ")));
    }
    repr_plain_item(vm, v)
}

/// [`repr_item`] for an item of a list argument: lists by their repr.
fn repr_plain_item(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v == vm.ellipsis {
        return Ok("...".into());
    }
    if is_type(v) && !vm.isinstance(v, vm.generic_alias_type) {
        let t = type_obj(v);
        return Ok(if t.module == "builtins" {
            t.qualname.clone()
        } else {
            format!("{}.{}", t.module, t.qualname)
        });
    }
    vm.repr_string(v)
}

fn ga_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let o = attr(vm, recv, "__origin__")?;
    let args = attr(vm, recv, "__args__")?;
    let items = vm.tuple_items(args).unwrap_or_default();
    let unpacked = attr(vm, recv, "__unpacked__")?;
    let mut s = if unpacked == Value::TRUE {
        "*".to_string()
    } else {
        String::new()
    };
    s.push_str(&repr_item(vm, o)?);
    s.push('[');
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_item(vm, *x)?);
    }
    s.push(']');
    Ok(vm.new_string(s))
}

/// Calling `list[int](...)` calls the origin and records the alias on the result
/// as `__orig_class__` where it can.
fn ga_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const CALL: Sig<0> = Sig::new("__call__", []).method().varargs().varkw();
    let b = CALL.bind(vm, &a)?;
    let o = attr(vm, b.recv, "__origin__")?;
    let r = vm.call_kw(o, b.rest, a.kw)?;
    let k = vm.intern("__orig_class__");
    if vm.setattr(r, k, b.recv).is_err() {
        // built-in instances take no attributes: CPython ignores that too
    }
    Ok(r)
}

/// `alias[...]`: the alias with its type variables replaced, in order.
fn ga_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (ga, item) = (b.recv, b.req(0));
    let params = attr(vm, ga, "__parameters__")?;
    let params = vm.tuple_items(params).unwrap_or_default();
    if params.is_empty() {
        let r = vm.repr_string(ga)?;
        return Err(vm.type_error(&format!("{r} is not a generic class")));
    }
    let given = match vm.tuple_items(item) {
        Some(t) if vm.type_of(item) == vm.types.tuple => t,
        _ => vec![item],
    };
    if given.len() != params.len() {
        let r = vm.repr_string(ga)?;
        let which = if given.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(&format!(
            "Too {which} arguments for {r}; actual {}, expected {}",
            given.len(),
            params.len()
        )));
    }
    let args = attr(vm, ga, "__args__")?;
    let args = vm.tuple_items(args).unwrap_or_default();
    let mut out = Vec::with_capacity(args.len());
    let pk = vm.intern("__parameters__");
    for x in args {
        if let Some(i) = params.iter().position(|p| *p == x) {
            out.push(given[i]);
            continue;
        }
        // a nested alias with parameters of its own: substitute into it
        let sub = if x.is_obj() && !is_type(x) {
            soft_getattr(vm, x, pk)?
        } else {
            None
        };
        match sub
            .and_then(|p| vm.tuple_items(p))
            .filter(|p| !p.is_empty())
        {
            Some(ps) => {
                let vals: Vec<Value> = ps
                    .iter()
                    .map(|p| {
                        params
                            .iter()
                            .position(|q| q == p)
                            .map(|i| given[i])
                            .unwrap_or(*p)
                    })
                    .collect();
                let t = vm.new_tuple(vals);
                out.push(vm.getitem(x, t)?);
            }
            None => out.push(x),
        }
    }
    let o = attr(vm, ga, "__origin__")?;
    let t = vm.new_tuple(out);
    new_alias(vm, o, t)
}

fn union_args(vm: &mut Vm, u: Value) -> PyResult<Vec<Value>> {
    let a = attr(vm, u, "__args__")?;
    Ok(vm.tuple_items(a).unwrap_or_default())
}

/// What may stand on either side of `|` in a union.
fn unionable(vm: &Vm, v: Value) -> bool {
    v.is_none()
        || is_type(v)
        || vm.isinstance(v, vm.generic_alias_type)
        || vm.isinstance(v, vm.union_type)
}

/// `x | y`: a UnionType with the arguments of both (unions flattened, repeats
/// dropped, None as NoneType); a single argument is returned as it is.
fn union_or(vm: &mut Vm, x: Value, y: Value) -> PyResult<Value> {
    if !unionable(vm, x) || !unionable(vm, y) {
        return Ok(vm.not_implemented);
    }
    let mut args: Vec<Value> = Vec::new();
    for v in [x, y] {
        let items = if vm.isinstance(v, vm.union_type) {
            union_args(vm, v)?
        } else if v.is_none() {
            vec![vm.types.none_type]
        } else {
            vec![v]
        };
        for it in items {
            let mut dup = false;
            for have in &args {
                let r = vm.compare(crate::compiler::bytecode::CmpOp::Eq, *have, it)?;
                if vm.truthy(r)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                args.push(it);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args[0]);
    }
    let params = collect_parameters(vm, &args)?;
    let t = vm.new_tuple(args);
    vm.temp_roots.push(t);
    let p = vm.new_tuple(params);
    vm.temp_roots.push(p);
    let cls = vm.union_type;
    let u = vm.new_instance(cls);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    set(vm, u, "__args__", t);
    set(vm, u, "__parameters__", p);
    Ok(u)
}

fn union_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let recv = NOARGS.bind(vm, &a)?.recv;
    let items = union_args(vm, recv)?;
    let mut parts = Vec::new();
    for v in items {
        parts.push(if v == vm.types.none_type {
            "None".to_string()
        } else {
            repr_item(vm, v)?
        });
    }
    Ok(vm.new_string(parts.join(" | ")))
}

fn union_check(vm: &mut Vm, a: Args, instance: bool) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let what = if instance { "isinstance" } else { "issubclass" };
    for t in union_args(vm, b.recv)? {
        if vm.isinstance(t, vm.generic_alias_type) {
            return Err(vm.type_error(&format!(
                "{what}() argument 2 cannot be a parameterized generic"
            )));
        }
    }
    for t in union_args(vm, b.recv)? {
        let k = vm.intern(what);
        let builtins = vm.builtins;
        let f = vm.dict_get_str(builtins, k).unwrap_or(Value::NONE);
        let r = vm.call(f, &[b.req(0), t])?;
        if vm.truthy(r)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
