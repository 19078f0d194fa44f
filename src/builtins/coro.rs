//! Coroutine objects (what calling an `async def` returns: `send`, `throw`,
//! `close`, `__await__`, run on the generator machinery) and async generator
//! objects (created, but iterating one is not supported yet: a clear error).

use crate::compiler::bytecode::flags;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let object = vm.types.object;
    let co = vm.new_native_type("coroutine", "builtins", object);
    vm.add_method(co, "send", |vm, a| {
        crate::builtins::check_args(vm, "send", &a, 2, 2)?;
        step(vm, a.pos[0], a.pos[1])
    });
    vm.add_method(co, "throw", crate::builtins::functions::gen_throw);
    vm.add_method(co, "close", crate::builtins::functions::gen_close);
    // the coroutine is its own awaitable iterator: `await` delegates to it
    vm.add_method(co, "__await__", |_vm, a| Ok(a.pos[0]));
    vm.coroutine_type = co;
    let ag = vm.new_native_type("async_generator", "builtins", object);
    vm.add_method(ag, "__aiter__", |_vm, a| Ok(a.pos[0]));
    for name in ["__anext__", "asend", "athrow", "aclose"] {
        vm.add_method(ag, name, |vm, _a| {
            Err(vm.unsupported("async generators (iterating one)"))
        });
    }
    vm.async_gen_type = ag;
}

/// One step of a coroutine: the value it yields (to the event loop driving it),
/// or StopIteration carrying its return value.
fn step(vm: &mut Vm, co: Value, sent: Value) -> PyResult<Value> {
    match vm.gen_send(co, sent)? {
        Some(v) => Ok(v),
        None => {
            let v = vm.take_stop_value();
            Err(vm.stop_iteration(v))
        }
    }
}

/// The class of the object a call of a function with these code flags returns.
pub fn generator_class(vm: &Vm, code_flags: u32) -> Value {
    if code_flags & flags::COROUTINE != 0 {
        vm.coroutine_type
    } else if code_flags & flags::ASYNC_GENERATOR != 0 {
        vm.async_gen_type
    } else {
        vm.types.generator
    }
}

/// The kind word of a generator-like object's repr.
pub fn kind_name(vm: &Vm, v: Value) -> &'static str {
    let cls = vm.type_of(v);
    if cls == vm.coroutine_type {
        "coroutine"
    } else if cls == vm.async_gen_type {
        "async_generator"
    } else {
        "generator"
    }
}
