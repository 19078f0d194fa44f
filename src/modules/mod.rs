//! Built-in library modules implemented in Rust (math, sys, time, random, ...),
//! registered by name and created on first import.

pub mod array;
pub mod bisect;
pub mod collections;
pub mod copy;
pub mod functools;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod math;
pub mod operator;
pub mod os;
pub mod random;
pub mod string;
pub mod sys;
pub mod time;

use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    array::register(vm);
    bisect::register(vm);
    collections::register(vm);
    copy::register(vm);
    functools::register(vm);
    heapq::register(vm);
    io::register(vm);
    itertools::register(vm);
    math::register(vm);
    operator::register(vm);
    os::register(vm);
    random::register(vm);
    string::register(vm);
    sys::register(vm);
    time::register(vm);
}
