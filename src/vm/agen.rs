//! Async generators (`async def` with `yield`): a generator frame under the
//! `async_generator` type whose `yield`s come out wrapped (`AsyncGenWrap`) so the
//! awaitables `__anext__()`, `asend()`, `athrow()` and `aclose()` return can tell
//! them from what its awaits pass up to the event loop: a wrapped value ends the
//! awaitable (StopIteration carrying it), anything else is passed up. The states
//! and errors are CPython's.

use std::cell::Cell;

use crate::builtins::functions::{CLOSE, THROW};
use crate::builtins::signature::Sig;
use crate::modules::itertools::native;
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::coro::{NOARGS, SEND};
use crate::vm::interp::Resumed;
use crate::vm::{Args, PyErr, PyResult, Vm};

/// A value an async generator yielded (never escapes to Python code).
struct Wrapped {
    v: Value,
}

impl NativeData for Wrapped {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.v);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

/// The awaitable of `__anext__()` and `asend(v)`.
struct ASend {
    agen: Value,
    sendval: Value,
    state: Cell<u8>,
}

/// The awaitable of `athrow(...)` (`args` Some) and `aclose()` (None).
struct AThrow {
    agen: Value,
    args: Option<Vec<Value>>,
    state: Cell<u8>,
}

impl NativeData for ASend {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.agen);
        visit(self.sendval);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl NativeData for AThrow {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.agen);
        self.args.iter().flatten().for_each(|v| visit(*v));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn state(g: Value) -> &'static mut crate::object::Generator {
    match &g.obj().data {
        ObjData::Generator(st) => st.get(),
        _ => unreachable!("an async generator"),
    }
}

fn stop_async(vm: &mut Vm) -> PyErr {
    let cls = vm.exc_class("StopAsyncIteration");
    PyErr(vm.new_exception(cls, vec![]))
}

/// The exception of `throw(typ, val=None, tb=None)` (1 to 3 arguments, as
/// [`THROW`] bound them).
fn make_exc(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let arg = |i: usize| args.get(i).copied().unwrap_or(Value::NONE);
    crate::builtins::functions::throw_exc(vm, arg(0), arg(1), arg(2))
}

impl Vm {
    pub fn async_gen_wrap(&mut self, v: Value) -> Value {
        self.alloc(self.types.object, ObjData::Native(Box::new(Wrapped { v })))
    }

    /// CPython's async_gen_unwrap_value: a wrapped yield ends the awaitable.
    fn unwrap_yield(&mut self, agen: Value, r: PyResult<Resumed>) -> PyResult<Value> {
        let st = state(agen);
        match r {
            Err(e) => {
                if self.matches(e.0, "StopAsyncIteration") || self.matches(e.0, "GeneratorExit") {
                    st.closed = true;
                }
                st.running_async = false;
                Err(e)
            }
            Ok(Resumed::Returned(_)) => {
                st.closed = true;
                st.running_async = false;
                Err(stop_async(self))
            }
            Ok(Resumed::Yielded(v)) => match native::<Wrapped>(v) {
                Some(w) => {
                    st.running_async = false;
                    Err(self.stop_iteration(w.v))
                }
                None => Ok(v),
            },
        }
    }

    fn asend_send(&mut self, o: &ASend, arg: Value) -> PyResult<Value> {
        if o.state.get() == CLOSED {
            return Err(self.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        let mut arg = arg;
        if o.state.get() == INIT {
            if state(o.agen).running_async {
                return Err(
                    self.runtime_error("anext(): asynchronous generator is already running")
                );
            }
            if arg.is_none() {
                arg = o.sendval;
            }
            o.state.set(ITER);
        }
        state(o.agen).running_async = true;
        let r = self.gen_resume(o.agen, arg, None);
        let r = self.unwrap_yield(o.agen, r);
        if r.is_err() {
            o.state.set(CLOSED);
        }
        r
    }

    fn asend_throw(&mut self, o: &ASend, args: &[Value]) -> PyResult<Value> {
        if o.state.get() == CLOSED {
            return Err(self.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        let exc = make_exc(self, args)?;
        let r = self.gen_resume(o.agen, Value::NONE, Some(exc));
        let r = self.unwrap_yield(o.agen, r);
        if r.is_err() {
            o.state.set(CLOSED);
        }
        r
    }

    fn athrow_send(&mut self, o: &AThrow, arg: Value) -> PyResult<Value> {
        if o.state.get() == CLOSED {
            return Err(self.runtime_error("cannot reuse already awaited aclose()/athrow()"));
        }
        if state(o.agen).frame.is_none() {
            o.state.set(CLOSED);
            return Err(self.stop_iteration(Value::NONE));
        }
        let aclose = o.args.is_none();
        let r = if o.state.get() == INIT {
            let st = state(o.agen);
            if st.running_async {
                o.state.set(CLOSED);
                let which = if aclose { "aclose" } else { "athrow" };
                let msg = format!("{which}(): asynchronous generator is already running");
                return Err(self.runtime_error(&msg));
            }
            if st.closed {
                o.state.set(CLOSED);
                return Err(stop_async(self));
            }
            if !arg.is_none() {
                return Err(
                    self.runtime_error("can't send non-None value to a just-started coroutine")
                );
            }
            o.state.set(ITER);
            st.running_async = true;
            match &o.args {
                None => {
                    st.closed = true;
                    let ge = self.exc_class("GeneratorExit");
                    let exc = self.new_exception(ge, vec![]);
                    self.gen_resume(o.agen, Value::NONE, Some(exc))
                }
                Some(args) => {
                    let exc = make_exc(self, args)?;
                    let r = self.gen_resume(o.agen, Value::NONE, Some(exc));
                    return match self.unwrap_yield(o.agen, r) {
                        Ok(v) => Ok(v),
                        Err(e) => Err(self.athrow_error(o, e)),
                    };
                }
            }
        } else {
            let r = self.gen_resume(o.agen, arg, None);
            if !aclose {
                return self.unwrap_yield(o.agen, r);
            }
            r
        };
        self.aclose_result(o, r)
    }

    /// aclose(): a wrapped yield means the generator ignored GeneratorExit; its
    /// end (or GeneratorExit/StopAsyncIteration) completes the awaitable.
    fn aclose_result(&mut self, o: &AThrow, r: PyResult<Resumed>) -> PyResult<Value> {
        match r {
            Ok(Resumed::Yielded(v)) if native::<Wrapped>(v).is_some() => {
                state(o.agen).running_async = false;
                o.state.set(CLOSED);
                Err(self.runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(Resumed::Yielded(v)) => Ok(v),
            Ok(Resumed::Returned(_)) => {
                let e = stop_async(self);
                Err(self.athrow_error(o, e))
            }
            Err(e) => Err(self.athrow_error(o, e)),
        }
    }

    /// CPython's check_error of athrow/aclose awaitables.
    fn athrow_error(&mut self, o: &AThrow, e: PyErr) -> PyErr {
        state(o.agen).running_async = false;
        o.state.set(CLOSED);
        let ends = self.matches(e.0, "StopAsyncIteration") || self.matches(e.0, "GeneratorExit");
        if ends && o.args.is_none() {
            return self.stop_iteration(Value::NONE);
        }
        e
    }

    fn athrow_throw(&mut self, o: &AThrow, args: &[Value]) -> PyResult<Value> {
        if o.state.get() == CLOSED {
            return Err(self.runtime_error("cannot reuse already awaited aclose()/athrow()"));
        }
        let exc = make_exc(self, args)?;
        let r = self.gen_resume(o.agen, Value::NONE, Some(exc));
        if o.args.is_some() {
            return self.unwrap_yield(o.agen, r);
        }
        match r {
            Ok(Resumed::Yielded(v)) if native::<Wrapped>(v).is_some() => {
                state(o.agen).running_async = false;
                o.state.set(CLOSED);
                Err(self.runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(Resumed::Yielded(v)) => Ok(v),
            Ok(Resumed::Returned(_)) => Err(self.stop_iteration(Value::NONE)),
            Err(e)
                if self.matches(e.0, "StopAsyncIteration")
                    || self.matches(e.0, "GeneratorExit") =>
            {
                Err(self.stop_iteration(Value::NONE))
            }
            Err(e) => Err(e),
        }
    }
}

/// The receiver of an async generator's method (the call path checked its type;
/// this is the message for an instance of another type that reaches it anyway).
fn agen_self(vm: &mut Vm, g: Value, name: &str) -> PyResult<Value> {
    if vm.type_of(g) == vm.types.async_generator {
        return Ok(g);
    }
    let msg = format!(
        "descriptor '{name}' for 'async_generator' objects doesn't apply to a '{}' object",
        vm.type_name(g)
    );
    Err(vm.type_error(&msg))
}

fn new_asend(vm: &mut Vm, agen: Value, sendval: Value) -> Value {
    let o = ASend {
        agen,
        sendval,
        state: Cell::new(INIT),
    };
    vm.alloc(vm.types.async_generator_asend, ObjData::Native(Box::new(o)))
}

fn new_athrow(vm: &mut Vm, agen: Value, args: Option<Vec<Value>>) -> Value {
    let o = AThrow {
        agen,
        args,
        state: Cell::new(INIT),
    };
    vm.alloc(
        vm.types.async_generator_athrow,
        ObjData::Native(Box::new(o)),
    )
}

/// `asend(value, /)`: `async_generator.asend() takes exactly one argument`.
const ASEND: Sig<1> = Sig::new("asend", ["value"]).method();
/// `athrow(typ[, val[, tb]])`: the count is checked when the call is made
/// (CPython 3.11 checks it when the awaitable is first sent to).
const ATHROW: Sig<3> = Sig::new("athrow", ["typ", "val", "tb"])
    .method()
    .required(1);
/// `aclose()`: `async_generator.aclose() takes no arguments (1 given)`.
const ACLOSE: Sig<0> = Sig::new("aclose", []).method();
/// `throw(*args)` of the awaitables, for their keyword check and receiver: the
/// count ([`THROW`]) is checked after their state, as CPython's gen_throw runs
/// after it.
const THROW_ANY: Sig<0> = Sig::new("throw", []).method().varargs();

/// `throw(typ[, val[, tb]])` of an asend or athrow awaitable: keywords are
/// rejected first, a closed awaitable raises RuntimeError before its arguments
/// are counted, and a wrong count closes an asend (CPython's gen_throw fails
/// after the state check, and asend closes on any failure, athrow does not).
fn awaitable_throw<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    state: impl Fn(Value) -> Option<&'static Cell<u8>>,
    reuse: &str,
    close_on_bad_count: bool,
) -> PyResult<(Value, &'a [Value])> {
    let b = THROW_ANY.bind(vm, a)?;
    let st = state(b.recv);
    if st.is_some_and(|s| s.get() == CLOSED) {
        return Err(vm.runtime_error(reuse));
    }
    if let Err(e) = THROW.bind(vm, a) {
        if let Some(s) = st.filter(|_| close_on_bad_count) {
            s.set(CLOSED);
        }
        return Err(e);
    }
    Ok((b.recv, b.rest))
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.async_generator;
    // the slots' arity is checked by the call path (Builtin::arity) too
    vm.add_method(t, "__aiter__", |vm, a| {
        let g = NOARGS.bind(vm, &a)?.recv;
        agen_self(vm, g, "__aiter__")
    });
    vm.add_method(t, "__anext__", |vm, a| {
        let g = NOARGS.bind(vm, &a)?.recv;
        let g = agen_self(vm, g, "__anext__")?;
        Ok(new_asend(vm, g, Value::NONE))
    });
    vm.add_method(t, "asend", |vm, a| {
        let b = ASEND.bind(vm, &a)?;
        let g = agen_self(vm, b.recv, "asend")?;
        Ok(new_asend(vm, g, b.req(0)))
    });
    vm.add_method(t, "athrow", |vm, a| {
        let b = ATHROW.bind(vm, &a)?;
        let g = agen_self(vm, b.recv, "athrow")?;
        let args = b.args.iter().map_while(|v| *v).collect();
        Ok(new_athrow(vm, g, Some(args)))
    });
    vm.add_method(t, "aclose", |vm, a| {
        let b = ACLOSE.bind(vm, &a)?;
        let g = agen_self(vm, b.recv, "aclose")?;
        Ok(new_athrow(vm, g, None))
    });

    let t = vm.types.async_generator_asend;
    vm.add_method(t, "send", |vm, a| {
        let b = SEND.bind(vm, &a)?;
        let o = asend_arg(vm, b.recv)?;
        vm.asend_send(o, b.req(0))
    });
    vm.add_method(t, "__next__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let o = asend_arg(vm, recv)?;
        vm.asend_send(o, Value::NONE)
    });
    vm.add_method(t, "throw", |vm, a| {
        let reuse = "cannot reuse already awaited __anext__()/asend()";
        let state = |v| native::<ASend>(v).map(|o| &o.state);
        let (recv, args) = awaitable_throw(vm, &a, state, reuse, true)?;
        let o = asend_arg(vm, recv)?;
        vm.asend_throw(o, args)
    });
    vm.add_method(t, "close", |vm, a| {
        let b = CLOSE.bind(vm, &a)?;
        asend_arg(vm, b.recv)?.state.set(CLOSED);
        Ok(Value::NONE)
    });

    let t = vm.types.async_generator_athrow;
    vm.add_method(t, "send", |vm, a| {
        let b = SEND.bind(vm, &a)?;
        let o = athrow_arg(vm, b.recv)?;
        vm.athrow_send(o, b.req(0))
    });
    vm.add_method(t, "__next__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let o = athrow_arg(vm, recv)?;
        vm.athrow_send(o, Value::NONE)
    });
    vm.add_method(t, "throw", |vm, a| {
        let reuse = "cannot reuse already awaited aclose()/athrow()";
        let state = |v| native::<AThrow>(v).map(|o| &o.state);
        let (recv, args) = awaitable_throw(vm, &a, state, reuse, false)?;
        let o = athrow_arg(vm, recv)?;
        vm.athrow_throw(o, args)
    });
    vm.add_method(t, "close", |vm, a| {
        let b = CLOSE.bind(vm, &a)?;
        athrow_arg(vm, b.recv)?.state.set(CLOSED);
        Ok(Value::NONE)
    });
    for t in [
        vm.types.async_generator_asend,
        vm.types.async_generator_athrow,
    ] {
        vm.add_method(t, "__await__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
        vm.add_method(t, "__iter__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
    }
}

fn asend_arg(vm: &mut Vm, v: Value) -> PyResult<&'static ASend> {
    native::<ASend>(v).ok_or_else(|| vm.type_error("expected an async_generator_asend object"))
}

fn athrow_arg(vm: &mut Vm, v: Value) -> PyResult<&'static AThrow> {
    native::<AThrow>(v).ok_or_else(|| vm.type_error("expected an async_generator_athrow object"))
}
