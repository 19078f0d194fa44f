//! `gc`: `collect()` runs Coil's mark-and-sweep collector now (then the weak
//! reference callbacks it made due) and returns how many objects it freed;
//! `get_count()` counts the objects allocated since the last collection; the
//! rest answers as CPython's collector does for programs that tune or query
//! it. `disable()` is recorded only: CPython's reference counts still free
//! acyclic garbage with its collector off, and Coil's collector is what frees
//! every object, so switching it off would make such programs grow without
//! bound.

use crate::builtins::signature::{Sig, Style, to_c_int};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("gc", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("gc");
    let d = vm.module_dict(m);
    vm.add_fn(d, "collect", |vm, a| {
        /// `collect(generation=2)`
        const COLLECT: Sig<1> = Sig::new("collect", ["generation"]).posonly(0).required(0);
        let b = COLLECT.bind(vm, &a)?;
        if let Some(g) = b.get(0)
            && !(0..=2).contains(&to_c_int(vm, g)?)
        {
            return Err(vm.value_error("invalid generation"));
        }
        vm.collect();
        let freed = vm.heap.stats.last_freed;
        vm.run_weakref_callbacks();
        // CPython counts the unreachable objects its cycle detector found;
        // Coil's collector finds every unreachable object, cyclic or not.
        Ok(Value::small_int(freed as i64))
    });
    vm.add_fn(d, "enable", |vm, a| {
        Sig::new("enable", []).owner("gc").bind(vm, &a)?;
        vm.gc_enabled = true;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "disable", |vm, a| {
        Sig::new("disable", []).owner("gc").bind(vm, &a)?;
        vm.gc_enabled = false;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "isenabled", |vm, a| {
        Sig::new("isenabled", []).owner("gc").bind(vm, &a)?;
        Ok(Value::bool(vm.gc_enabled))
    });
    vm.add_fn(d, "get_threshold", |vm, a| {
        Sig::new("get_threshold", []).owner("gc").bind(vm, &a)?;
        Ok(vm.new_tuple(vec![
            Value::small_int(700),
            Value::small_int(10),
            Value::small_int(10),
        ]))
    });
    vm.add_fn(d, "set_threshold", |vm, a| {
        /// `set_threshold(threshold0, [threshold1, [threshold2]])`
        /// (`PyArg_ParseTuple(args, "i|ii:set_threshold")`)
        const SET_THRESHOLD: Sig<3> =
            Sig::new("set_threshold", ["threshold0", "threshold1", "threshold2"])
                .required(1)
                .style(Style::Tuple);
        let b = SET_THRESHOLD.bind(vm, &a)?;
        for v in b.args.into_iter().flatten() {
            to_c_int(vm, v)?;
        }
        Ok(Value::NONE)
    });
    vm.add_fn(d, "get_count", |vm, a| {
        Sig::new("get_count", []).owner("gc").bind(vm, &a)?;
        // One generation: the objects allocated since the last collection.
        let young = vm.heap.allocated_since_last();
        Ok(vm.new_tuple_from(&[
            Value::small_int(young as i64),
            Value::small_int(0),
            Value::small_int(0),
        ]))
    });
    vm.add_fn(d, "is_tracked", |vm, a| {
        let o = Sig::new("is_tracked", ["obj"])
            .owner("gc")
            .bind(vm, &a)?
            .req(0);
        Ok(Value::bool(o.is_obj()))
    });
    vm.add_fn(d, "is_finalized", |vm, a| {
        Sig::new("is_finalized", ["obj"]).owner("gc").bind(vm, &a)?;
        Ok(Value::FALSE)
    });
    vm.add_fn(d, "freeze", |vm, a| {
        Sig::new("freeze", []).owner("gc").bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "unfreeze", |vm, a| {
        Sig::new("unfreeze", []).owner("gc").bind(vm, &a)?;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "get_freeze_count", |vm, a| {
        Sig::new("get_freeze_count", []).owner("gc").bind(vm, &a)?;
        Ok(Value::small_int(0))
    });
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(vec![]);
        let k = vm.intern(name);
        vm.dict_set_str(d, k, l);
    }
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, Value::small_int(v));
    }
    Ok(m)
}
