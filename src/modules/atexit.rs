//! `atexit`: functions registered to run when the program ends (after the main
//! module finishes or fails, last registered first), as CPython runs them.

use crate::builtins::signature::{Sig, Style};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("atexit", init);
}

/// The list of `(func, args, kwargs)` tuples, made on first use.
fn handlers(vm: &mut Vm) -> Value {
    if vm.atexit_handlers.is_none() {
        vm.atexit_handlers = vm.new_list(vec![]);
    }
    vm.atexit_handlers
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("atexit");
    let d = vm.module_dict(m);
    vm.add_fn(d, "register", register_fn);
    vm.add_fn(d, "unregister", |vm, a| {
        let f = Sig::new("unregister", ["func"])
            .owner("atexit")
            .bind(vm, &a)?
            .req(0);
        let l = handlers(vm);
        let items = vm.collect_iter(l)?;
        let mut keep = Vec::new();
        for t in items {
            let func = vm.tuple_items(t).map(|x| x[0]).unwrap_or(Value::NONE);
            let r = vm.compare(crate::compiler::bytecode::CmpOp::Eq, func, f)?;
            if !vm.truthy(r)? {
                keep.push(t);
            }
        }
        let nl = vm.new_list(keep);
        vm.atexit_handlers = nl;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "_run_exitfuncs", |vm, a| {
        Sig::new("_run_exitfuncs", [])
            .owner("atexit")
            .bind(vm, &a)?;
        run_exit_funcs(vm);
        Ok(Value::NONE)
    });
    vm.add_fn(d, "_clear", |vm, a| {
        Sig::new("_clear", []).owner("atexit").bind(vm, &a)?;
        vm.atexit_handlers = Value::NONE;
        Ok(Value::NONE)
    });
    vm.add_fn(d, "_ncallbacks", |vm, a| {
        Sig::new("_ncallbacks", []).owner("atexit").bind(vm, &a)?;
        let l = handlers(vm);
        let n = vm.collect_iter(l)?.len();
        Ok(vm.new_int(n as i64))
    });
    Ok(m)
}

fn register_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `register(func, *args, **kwargs)`
    const REGISTER: Sig<1> = Sig::new("register", ["func"])
        .varargs()
        .varkw()
        .style(Style::Tuple);
    let b = REGISTER.bind(vm, &a)?;
    let f = b.req(0);
    if !vm.is_callable(f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let args = vm.new_tuple_from(b.rest);
    let kw = vm.new_dict();
    for (k, v) in b.kwrest.iter() {
        vm.setitem(kw, *k, *v)?;
    }
    let t = vm.new_tuple(vec![f, args, kw]);
    let l = handlers(vm);
    if let Some(crate::object::ObjData::List(items)) = l.as_obj().map(|o| &o.data) {
        items.get().push(t);
    }
    Ok(f)
}

/// Runs and forgets the registered functions, newest first. An exception in one
/// is reported ("Exception ignored in atexit callback") and the others still run.
pub fn run_exit_funcs(vm: &mut Vm) {
    if vm.atexit_handlers.is_none() {
        return;
    }
    let l = std::mem::replace(&mut vm.atexit_handlers, Value::NONE);
    vm.temp_roots.push(l);
    let items = vm.collect_iter(l).unwrap_or_default();
    for t in items.into_iter().rev() {
        let Some(parts) = vm.tuple_items(t) else {
            continue;
        };
        let args = vm.tuple_items(parts[1]).unwrap_or_default();
        let kw: Vec<(Value, Value)> = match parts[2].as_obj().map(|o| &o.data) {
            Some(crate::object::ObjData::Dict(d)) => {
                d.get().iter().map(|e| (e.key, e.value)).collect()
            }
            _ => Vec::new(),
        };
        if let Err(e) = vm.call_kw(parts[0], &args, &kw) {
            if vm.matches(e.0, "SystemExit") {
                continue;
            }
            use std::io::Write;
            let _ = vm.stdout.flush();
            let what = vm.repr_string(parts[0]).unwrap_or_default();
            eprintln!("Exception ignored in atexit callback: {what}");
            vm.print_exception(e.0);
        }
    }
    vm.temp_roots.pop();
}
