//! Coroutines: what an `async def` returns is a generator frame under the
//! `coroutine` type (so it suspends, resumes, is thrown into and closed as a
//! generator is), plus what `await`, `async with` and `async for` ask of objects,
//! with CPython's errors, and the methods of `coroutine` and of the
//! `coroutine_wrapper` that `__await__` returns.

use crate::builtins::functions;
use crate::builtins::signature::Sig;
use crate::compiler::bytecode::Op;
use crate::modules::itertools::native;
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::types::lookup;
use crate::vm::{PyErr, PyResult, Vm};

/// `coro.__await__()`: an iterator driving the coroutine.
struct CoroWrapper {
    coro: Value,
}

impl NativeData for CoroWrapper {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.coro);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Vm {
    pub fn is_coroutine(&self, v: Value) -> bool {
        v.is_obj()
            && matches!(v.obj().data, ObjData::Generator(_))
            && v.obj().class() == self.types.coroutine
    }

    /// What a suspended generator or coroutine delegates to (`yield from`,
    /// `await`): the sub-iterator its frame is stopped at, if any.
    pub fn delegate_of(&self, g: Value) -> Option<Value> {
        let ObjData::Generator(st) = &g.obj().data else {
            return None;
        };
        let f = st.get().frame.as_ref()?;
        let at_yield_from = matches!(f.code.ops.get(f.pc), Some(Op::YieldFrom(_)));
        (f.pc > 0 && at_yield_from && f.stack_len() > 0).then(|| f.top())
    }

    fn lookup_special(&mut self, v: Value, name: &str) -> Option<Value> {
        let cls = self.type_of(v);
        let n = self.intern(name);
        lookup(self, cls, n)
    }

    /// Whether function `func` was marked by `types.coroutine`: its assigned
    /// `__code__` carries CO_ITERABLE_COROUTINE (Coil keeps the code it runs).
    pub fn is_iterable_coroutine_fn(&mut self, func: Value) -> bool {
        let Some(ObjData::Function(f)) = func.as_obj().map(|o| &o.data) else {
            return false;
        };
        let d = *f.dict.get();
        if d.is_none() {
            return false;
        }
        let k = self.intern("__code__");
        self.dict_get_str(d, k)
            .is_some_and(crate::builtins::functions::code_is_iterable_coroutine)
    }

    /// A generator of such a function (CPython's gen_is_coroutine).
    pub fn is_iterable_coroutine(&mut self, v: Value) -> bool {
        if !v.is_obj() || v.obj().class() != self.types.generator {
            return false;
        }
        let ObjData::Generator(st) = &v.obj().data else {
            return false;
        };
        let Some(func) = st.get().frame.as_ref().map(|f| f.func) else {
            return false;
        };
        self.is_iterable_coroutine_fn(func)
    }

    /// CPython's `_PyCoro_GetAwaitableIter`.
    fn awaitable_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.is_coroutine(v) || self.is_iterable_coroutine(v) {
            return Ok(v);
        }
        let Some(getter) = self.lookup_special(v, "__await__") else {
            let msg = format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            );
            return Err(self.type_error(&msg));
        };
        let cls = self.type_of(v);
        let bound = self.bind_descriptor(getter, v, cls)?;
        let r = self.call(bound, &[])?;
        if self.is_coroutine(r) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if let Some(w) = native::<CoroWrapper>(r) {
            return Ok(w.coro);
        }
        let is_iter = matches!(r.as_obj().map(|o| &o.data), Some(ObjData::Iter(_)))
            || self.type_of(r) == self.types.generator
            || self.dunder(r, "__next__").is_some();
        if !is_iter {
            let msg = format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(r)
            );
            return Err(self.type_error(&msg));
        }
        Ok(r)
    }

    /// `GetAwaitable(kind)`: 0 `await`, 1 `__aenter__`'s result, 2 `__aexit__`'s.
    pub fn get_awaitable(&mut self, v: Value, kind: u32) -> PyResult<Value> {
        let it = match self.awaitable_iter(v) {
            Ok(it) => it,
            Err(_) if kind != 0 && self.lookup_special(v, "__await__").is_none() => {
                let from = if kind == 1 { "__aenter__" } else { "__aexit__" };
                let msg = format!(
                    "'async with' received an object from {from} that does not implement __await__: {}",
                    self.type_name(v)
                );
                return Err(self.type_error(&msg));
            }
            Err(e) => return Err(e),
        };
        if self.is_coroutine(it) && self.delegate_of(it).is_some() {
            return Err(self.runtime_error("coroutine is being awaited already"));
        }
        Ok(it)
    }

    /// `[ctx]` -> `(bound __aexit__, ctx.__aenter__())`.
    pub fn before_async_with(&mut self, ctx: Value) -> PyResult<(Value, Value)> {
        let tn = self.type_name(ctx);
        let Some(enter) = self.lookup_special(ctx, "__aenter__") else {
            let msg =
                format!("'{tn}' object does not support the asynchronous context manager protocol");
            return Err(self.type_error(&msg));
        };
        let Some(exit) = self.lookup_special(ctx, "__aexit__") else {
            let msg = format!(
                "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
            );
            return Err(self.type_error(&msg));
        };
        let cls = self.type_of(ctx);
        let exit = self.bind_descriptor(exit, ctx, cls)?;
        self.temp_roots.push(exit);
        let r = self
            .bind_descriptor(enter, ctx, cls)
            .and_then(|e| self.call(e, &[]));
        self.temp_roots.pop();
        Ok((exit, r?))
    }

    pub fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let Some(f) = self.lookup_special(v, "__aiter__") else {
            let msg = format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            );
            return Err(self.type_error(&msg));
        };
        let cls = self.type_of(v);
        let bound = self.bind_descriptor(f, v, cls)?;
        let it = self.call(bound, &[])?;
        if self.lookup_special(it, "__anext__").is_none() {
            let msg = format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(it)
            );
            return Err(self.type_error(&msg));
        }
        Ok(it)
    }

    pub fn get_anext(&mut self, aiter: Value) -> PyResult<Value> {
        let Some(f) = self.lookup_special(aiter, "__anext__") else {
            let msg = format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            );
            return Err(self.type_error(&msg));
        };
        let cls = self.type_of(aiter);
        let bound = self.bind_descriptor(f, aiter, cls)?;
        let next = self.call(bound, &[])?;
        self.temp_roots.push(next);
        let r = self.awaitable_iter(next);
        self.temp_roots.pop();
        r.map_err(|cause| {
            let msg = format!(
                "'async for' received an invalid object from __anext__: {}",
                self.type_name(next)
            );
            let e = self.type_error(&msg);
            if let Some(st) = self.exc_state(e.0) {
                st.cause = cause.0;
            }
            e
        })
    }

    /// Throws `exc` into what a suspended generator delegates to (CPython's
    /// `_gen_throw` with a `yield from` in progress). None: raise it in the
    /// generator itself (GeneratorExit, after closing the delegate; or a delegate
    /// without `throw`).
    pub fn throw_into_delegate(
        &mut self,
        sub: Value,
        exc: Value,
    ) -> PyResult<Option<crate::vm::interp::Resumed>> {
        use crate::vm::interp::Resumed;
        if self.matches(exc, "GeneratorExit") {
            let close = self.name("close");
            if let Some(m) = self.getattr_opt(sub, close)? {
                self.call(m, &[])?;
            }
            return Ok(None);
        }
        if sub.is_obj() && matches!(sub.obj().data, ObjData::Generator(_)) {
            return self.gen_resume(sub, Value::NONE, Some(exc)).map(Some);
        }
        let throw = self.name("throw");
        let Some(m) = self.getattr_opt(sub, throw)? else {
            return Ok(None);
        };
        match self.call(m, &[exc]) {
            Ok(v) => Ok(Some(Resumed::Yielded(v))),
            Err(e) if self.matches(e.0, "StopIteration") => {
                let k = self.name("value");
                let v = self.instance_get_attr(e.0, k).unwrap_or(Value::NONE);
                Ok(Some(Resumed::Returned(v)))
            }
            Err(e) => Err(e),
        }
    }
}

fn coro_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_coroutine(v) {
        return Ok(v);
    }
    if let Some(w) = native::<CoroWrapper>(v) {
        return Ok(w.coro);
    }
    let msg = format!(
        "descriptor requires a 'coroutine' object but received '{}'",
        vm.type_name(v)
    );
    Err(vm.type_error(&msg))
}

fn send(vm: &mut Vm, coro: Value, v: Value) -> PyResult<Value> {
    match vm.gen_send(coro, v)? {
        Some(v) => Ok(v),
        None => {
            let v = vm.take_stop_value();
            Err(vm.stop_iteration(v))
        }
    }
}

/// `send(value, /)` of a coroutine, its wrapper, and the async generator's
/// awaitables (src/vm/agen.rs): `coroutine.send() takes exactly one argument`.
pub(crate) const SEND: Sig<1> = Sig::new("send", ["value"]).method();
/// The slot methods' signature (`__await__`, `__iter__`, `__next__`: the call
/// path checks their arity too).
pub(crate) const NOARGS: Sig<0> = Sig::new("method", []).method();

pub fn register(vm: &mut Vm) {
    // `send`, `throw` and `close` of a coroutine or of its wrapper: bound with
    // the receiver the call was made on (messages name its type), then run on
    // the coroutine
    for t in [vm.types.coroutine, vm.types.coroutine_wrapper] {
        vm.add_method(t, "send", |vm, a| {
            let b = SEND.bind(vm, &a)?;
            let c = coro_arg(vm, b.recv)?;
            send(vm, c, b.req(0))
        });
        vm.add_method(t, "throw", |vm, a| {
            let b = functions::THROW.bind(vm, &a)?;
            let c = coro_arg(vm, b.recv)?;
            functions::throw_into(vm, c, &b.args)
        });
        vm.add_method(t, "close", |vm, a| {
            let b = functions::CLOSE.bind(vm, &a)?;
            let c = coro_arg(vm, b.recv)?;
            functions::close_gen(vm, c)
        });
    }
    let t = vm.types.coroutine;
    vm.add_method(t, "__await__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let coro = coro_arg(vm, recv)?;
        let w = Box::new(CoroWrapper { coro });
        Ok(vm.alloc(vm.types.coroutine_wrapper, ObjData::Native(w)))
    });
    let t = vm.types.coroutine_wrapper;
    vm.add_method(t, "__iter__", |vm, a| Ok(NOARGS.bind(vm, &a)?.recv));
    vm.add_method(t, "__next__", |vm, a| {
        let recv = NOARGS.bind(vm, &a)?.recv;
        let c = coro_arg(vm, recv)?;
        send(vm, c, Value::NONE)
    });
}

/// The error for an exhausted coroutine being resumed.
pub fn reused(vm: &mut Vm) -> PyErr {
    vm.runtime_error("cannot reuse already awaited coroutine")
}
