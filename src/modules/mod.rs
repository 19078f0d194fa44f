//! Built-in library modules implemented in Rust (math, sys, time, random, ...),
//! registered by name and created on first import.

pub mod array;
pub mod ast;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod cmath;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod copy;
pub mod errno;
pub mod functools;
pub mod gc;
pub mod heapq;
pub mod imp;
pub mod importlib;
pub mod io;
pub mod itertools;
pub mod json;
pub mod math;
pub mod namespace;
pub mod noprocess;
pub mod operator;
pub mod os;
pub mod posix;
pub mod random;
pub mod signal;
pub mod sre;
pub mod string;
pub mod struct_mod;
pub mod sys;
pub mod thread;
pub mod time;
pub mod time_struct;
pub mod unicodedata;
pub mod weakref;

use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("builtins", builtins_module);
    array::register(vm);
    ast::register(vm);
    atexit::register(vm);
    binascii::register(vm);
    bisect::register(vm);
    cmath::register(vm);
    codecs::register(vm);
    collections::register(vm);
    contextvars::register(vm);
    copy::register(vm);
    errno::register(vm);
    functools::register(vm);
    gc::register(vm);
    heapq::register(vm);
    imp::register(vm);
    importlib::register(vm);
    io::register(vm);
    itertools::register(vm);
    json::register(vm);
    math::register(vm);
    noprocess::register(vm);
    operator::register(vm);
    os::register(vm);
    posix::register(vm);
    random::register(vm);
    signal::register(vm);
    sre::register(vm);
    string::register(vm);
    struct_mod::register(vm);
    sys::register(vm);
    thread::register(vm);
    time::register(vm);
    unicodedata::register(vm);
    weakref::register(vm);
}

/// `import builtins`: a module whose namespace is the interpreter's builtins dict
/// itself, so `builtins.abs = f` rebinds the builtin as in CPython.
fn builtins_module(vm: &mut Vm) -> crate::vm::PyResult<crate::value::Value> {
    let name = vm.intern("builtins");
    let dict = vm.builtins;
    let key = vm.intern("__name__");
    vm.dict_set_str(dict, key, name);
    let m = vm.alloc(
        vm.types.module,
        crate::object::ObjData::Module { name, dict },
    );
    vm.module_roots.push(m);
    Ok(m)
}
