//! Methods of exact strs (and of `random`'s generator, and an exact dict's
//! views) called from traces directly, not through the interpreter:
//! `line.strip()`, `w.lower()`, `s.split(",")`, `s.replace(a, b, 1)`,
//! `self._mt.randbelow(n)`, `d.items()`.
//!
//! Why: a residual call runs the interpreter's `CallMethod` on a rebuilt
//! operand stack; text-processing loops make several such calls per item
//! (log_pipeline, text_pipeline, fs_tree). The methods listed in `PURE` run no
//! Python code when every argument is plain (`plain_arg`: an exact str, a small
//! int, a bool, None, or an exact tuple of exact strs; for `join` also an exact
//! list of exact strs), so the helper calls the native itself. Anything else
//! (an argument of another type, the method raising) exits at the call, where
//! the interpreter runs it again: the methods have no effects to repeat. The
//! module's `random.random()` and `random.getrandbits(k)`, methods bound to
//! its generator, go through `BOUND_RANDOM` the same way.

use smallvec::SmallVec;

use super::{TUPLE_ITEMS, guarded, stashed, vm_mut};
use crate::object::{ANY_ARITY, ObjData};
use crate::value::Value;
use crate::vm::{Args, Vm};

/// The methods of `str` that run no Python code on plain arguments.
const PURE: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "endswith",
    "expandtabs",
    "find",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
    "zfill",
];

/// The methods of `dict` that run no Python code (on no arguments).
const PURE_DICT: &[&str] = &["items", "keys", "values"];

/// The methods of `random`'s generator that run no Python code on plain
/// arguments (each raises, if at all, before it draws).
const PURE_RANDOM: &[&str] = &["getrandbits", "randbelow", "random"];

/// Whether `m` is a method of `recv`'s exact class that runs no Python code on
/// plain arguments: one of the `PURE` methods of `str`, or a `PURE_RANDOM`
/// method of `random`'s `_MersenneTwister` (`randrange` calls `randbelow`).
pub(crate) fn pure_method(vm: &Vm, m: Value, recv: Value) -> bool {
    let Some(ObjData::Builtin(b)) = m.as_obj().map(|o| &o.data) else {
        return false;
    };
    let Some(o) = recv.as_obj() else {
        return false;
    };
    if !b.bound.is_empty() || b.owner.is_empty() || o.class() != b.owner {
        return false;
    }
    if b.owner == vm.types.str {
        return PURE.contains(&b.name);
    }
    if b.owner == vm.types.dict {
        // (a view of the exact dict: nothing runs, nothing changes)
        return PURE_DICT.contains(&b.name);
    }
    // (a native type: no Python class has Builtin methods)
    crate::vm::types::type_obj(b.owner).name == "_MersenneTwister" && PURE_RANDOM.contains(&b.name)
}

/// Whether `f` is one of random's generator methods bound to its generator
/// (`random.random`, the module's function) taking `args`, all inline ints.
pub(crate) fn pure_bound_random(f: Value, args: &[Value]) -> bool {
    let Some(ObjData::Builtin(b)) = f.as_obj().map(|o| &o.data) else {
        return false;
    };
    let Some(recv) = b.bound.as_obj() else {
        return false;
    };
    args.len() <= 1
        && args.iter().all(|a| a.is_small_int())
        && crate::vm::types::type_obj(recv.class()).name == "_MersenneTwister"
        && PURE_RANDOM.contains(&b.name)
}

/// `f()` or `f(arg)` (`arg` EMPTY for none) for `pure_bound_random`'s `f`.
pub(super) extern "C" fn bound_random_call(f: u64, arg: u64) -> u64 {
    guarded(|| {
        let f = Value(f);
        let arg = Value(arg);
        let rest: &[Value] = if arg.is_empty() {
            &[]
        } else {
            std::slice::from_ref(&arg)
        };
        if !pure_bound_random(f, rest) {
            return None;
        }
        let ObjData::Builtin(b) = &f.obj().data else {
            return None;
        };
        let vm = vm_mut()?;
        let mut args: SmallVec<[Value; 2]> = SmallVec::new();
        args.push(b.bound);
        args.extend_from_slice(rest);
        (b.func)(vm, Args::new(&args)).ok().map(|v| v.0)
    })
}

fn exact_strs(vm: &Vm, items: &[Value]) -> bool {
    items
        .iter()
        .all(|v| v.as_obj().is_some_and(|o| o.class() == vm.types.str))
}

/// Whether passing `v` to a `PURE` method runs no Python code (`join`: its
/// argument may be a list too).
pub(crate) fn plain_arg(vm: &Vm, v: Value, join: bool) -> bool {
    if v.is_small_int() || v.is_bool() || v.is_none() {
        return true;
    }
    let Some(o) = v.as_obj() else {
        return false;
    };
    let cls = o.class();
    match &o.data {
        ObjData::Str(_) => cls == vm.types.str,
        ObjData::Tuple(t) => cls == vm.types.tuple && exact_strs(vm, t),
        ObjData::List(l) => join && cls == vm.types.list && exact_strs(vm, l.get()),
        _ => false,
    }
}

/// `recv.m(arg)` (or `recv.m()` when `arg` is EMPTY), `m` stashed.
pub(super) extern "C" fn pure_method_call(recv: u64, arg: u64) -> u64 {
    guarded(|| {
        let arg = [Value(arg)];
        call(recv, if arg[0].is_empty() { &[] } else { &arg })
    })
}

/// `recv.m(arg, b...)`, `m` stashed and the `b`s parked (`TUPLE_FIRST`,
/// `TUPLE_ITEM`).
pub(super) extern "C" fn pure_method_n(recv: u64, arg: u64) -> u64 {
    guarded(|| {
        let parked = TUPLE_ITEMS.with(|t| std::mem::take(&mut *t.borrow_mut()));
        let mut args: SmallVec<[Value; 3]> = SmallVec::new();
        args.push(Value(arg));
        args.extend_from_slice(&parked);
        call(recv, &args)
    })
}

fn call(recv: u64, rest: &[Value]) -> Option<u64> {
    let vm = vm_mut()?;
    let m = stashed();
    let ObjData::Builtin(b) = &m.as_obj()?.data else {
        return None;
    };
    let recv = Value(recv);
    // (`m` is a trace constant the recorder found `pure_method` for the
    // receiver's class, which the trace guarded)
    if recv.as_obj()?.class() != b.owner {
        return None;
    }
    let join = b.name == "join";
    if !rest.iter().all(|&v| plain_arg(vm, v, join)) {
        return None;
    }
    if b.arity != ANY_ARITY && !(b.arity.0 as usize..=b.arity.1 as usize).contains(&rest.len()) {
        return None;
    }
    let mut args: SmallVec<[Value; 3]> = SmallVec::new();
    args.push(recv);
    args.extend_from_slice(rest);
    (b.func)(vm, Args::new(&args)).ok().map(|v| v.0)
}
