//! `gc`: `collect()` runs Coil's mark-and-sweep collector now (then the weak
//! reference callbacks it made due); the rest answers as CPython's collector
//! does for programs that tune or query it (enable/disable are recorded only:
//! Coil's collector cannot be switched off).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("gc", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("gc");
    let d = vm.module_dict(m);
    vm.add_fn(d, "collect", |vm, _a| {
        vm.collect();
        vm.run_weakref_callbacks();
        Ok(Value::small_int(0))
    });
    vm.add_fn(d, "enable", |vm, _a| {
        vm.gc_enabled = true;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "disable", |vm, _a| {
        vm.gc_enabled = false;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "isenabled", |vm, _a| Ok(Value::bool(vm.gc_enabled)));
    vm.add_fn(d, "get_threshold", |vm, _a| {
        Ok(vm.new_tuple(vec![
            Value::small_int(700),
            Value::small_int(10),
            Value::small_int(10),
        ]))
    });
    vm.add_fn(d, "set_threshold", |_vm, _a| Ok(Value::NONE));
    vm.add_fn(d, "get_count", |vm, _a| {
        Ok(vm.new_tuple(vec![Value::small_int(0); 3]))
    });
    vm.add_fn(d, "is_tracked", |_vm, a| {
        Ok(Value::bool(a.get(0).is_some_and(|v| v.is_obj())))
    });
    vm.add_fn(d, "is_finalized", |_vm, _a| Ok(Value::FALSE));
    vm.add_fn(d, "freeze", |_vm, _a| Ok(Value::NONE));
    vm.add_fn(d, "unfreeze", |_vm, _a| Ok(Value::NONE));
    vm.add_fn(d, "get_freeze_count", |_vm, _a| Ok(Value::small_int(0)));
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
