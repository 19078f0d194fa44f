//! The bytecode interpreter: one dispatch loop per Rust-level entry, Python-to-Python
//! calls pushing frames without Rust recursion, exceptions unwound through the frames'
//! handler blocks.

use std::rc::Rc;

use crate::compiler::bytecode::{BinOp, CmpOp, Code, Op, UnOp};
use crate::object::{Function, IterState, Mut, ObjData, TracebackEntry, TupleItems};
use crate::value::Value;
use crate::vm::frame::{Block, Frame};
use crate::vm::{Args, PyErr, PyResult, Vm, str_of};

pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

/// The most frames the frame stack holds whatever the recursion limit (about
/// 300 bytes each: under 3 GB), so a program that lifts the limit gets a
/// MemoryError instead of exhausting the machine's memory.
const MAX_FRAMES: usize = 1 << 23;

impl Vm {
    /// Runs module or class-body code in the given namespaces.
    pub fn run_code(&mut self, code: Rc<Code>, globals: Value, locals: Value) -> PyResult<Value> {
        let frame = Frame::new(code, globals, locals, Value::NONE);
        self.run_frame(frame)
    }

    /// Pushes `frame` as an entry frame and runs it to completion.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        frame.is_entry = true;
        let compiled = self.jit.enabled
            && frame.pc == 0
            && frame.code.entry_jit_state.get() == crate::compiler::bytecode::JitState::Compiled
            && frame.code.has_entry();
        self.push_frame(frame)?;
        self.native_depth += 1;
        let r = if compiled && self.jit.recording.is_none() {
            self.run_entry_trace(None)
        } else {
            self.execute()
        };
        self.native_depth -= 1;
        r
    }

    /// `run_frame` of a function with a compiled entry trace: what its
    /// `FuncEntry` and `Return` would do, without entering the interpreter
    /// when the trace leaves at the `return` of the frame it entered (a
    /// recursive function's calls from its own trace come here). `root`: the
    /// function's entry tree, when the caller found it (`Vm::call_from_trace`,
    /// which also made sure no recording is in progress).
    pub(crate) fn run_entry_trace(&mut self, root: Option<u32>) -> PyResult<Value> {
        let depth = self.frames.len();
        let fr = self.frames.last_mut().expect("the frame just pushed");
        let frame: *mut Frame = &mut **fr;
        let c = &fr.code.entry_counter;
        c.set(c.get().wrapping_add(1));
        // (see `Op::FuncEntry`: no collection may be due)
        if self.heap.wants_collection() {
            fr.pc = 1;
            return self.execute();
        }
        let ran = match root {
            Some(root) => self.run_entry_tree_returning(frame, root),
            None => self.jit_function_entry_returning(frame),
        };
        if let Some(v) = self.jit.returned.take() {
            let done = self.frames.pop().expect("the frame");
            debug_assert!(self.frames.len() + 1 == depth);
            self.recycle_frame(done);
            return Ok(v);
        }
        if !ran {
            self.frames.last_mut().expect("the frame").pc = 1;
            return self.execute();
        }
        if let Some(e) = self.jit.pending_raise.take() {
            // raised at the bytecode the exit resumes at, as `FuncEntry` does
            self.frames.last_mut().expect("a frame").pc += 1;
            return self.execute_from(Some((PyErr(e), false)));
        }
        let same_depth = self.frames.len() == depth;
        let fr = self.frames.last_mut().expect("a frame");
        if same_depth
            && matches!(fr.code.ops.get(fr.pc), Some(Op::Return))
            && fr.binop_return.is_none()
            && fr.init_self.is_empty()
            && fr.generator.is_none()
            // (a recording the exit started, or `--jit-stats` counting
            // dispatched bytecodes, needs the interpreter to run the `return`)
            && !self.jit_recording
        {
            let v = fr.pop();
            let done = self.frames.pop().expect("the frame");
            self.recycle_frame(done);
            return Ok(v);
        }
        self.execute()
    }

    pub fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit.min(MAX_FRAMES) {
            if self.frames.len() < self.recursion_limit {
                // sys.setrecursionlimit(10**9): memory runs out before the limit
                return Err(self.error("MemoryError", "Stack overflow (too many frames)"));
            }
            return Err(self.error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Resumes a generator with `sent` (or by raising `throw` at its yield point).
    pub fn gen_resume(
        &mut self,
        genv: Value,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<Resumed> {
        self.gen_run(genv, Some(sent), throw)
    }

    /// Runs a generator on from the state a compiled trace left its frame in
    /// (mid-way between two yields: nothing is sent), or raises `throw` at the
    /// bytecode before its pc, which raised it inside the trace.
    pub(crate) fn gen_continue(&mut self, genv: Value, throw: Option<Value>) -> PyResult<Resumed> {
        self.gen_run(genv, None, throw)
    }

    /// `sent`: a resumption at the yield point (None: a continuation, see
    /// `gen_continue`).
    fn gen_run(
        &mut self,
        genv: Value,
        sent: Option<Value>,
        throw: Option<Value>,
    ) -> PyResult<Resumed> {
        let ObjData::Generator(g) = &genv.obj().data else {
            return Err(self.type_error("not a generator"));
        };
        let g = g.get();
        let coro = genv.obj().class() == self.types.coroutine;
        let agen = genv.obj().class() == self.types.async_generator;
        let kind = if coro {
            "coroutine"
        } else if agen {
            "async generator"
        } else {
            "generator"
        };
        if g.running {
            return Err(self.value_error(&format!("{kind} already executing")));
        }
        let Some(mut frame) = g.frame.take() else {
            if coro {
                return Err(crate::vm::coro::reused(self));
            }
            if let Some(e) = throw {
                return Err(PyErr(e));
            }
            return Ok(Resumed::Returned(Value::NONE));
        };
        let started = frame.pc > 0;
        let mut throw = throw;
        // a continuation (`gen_continue`) sends nothing and delegates nothing
        let mut push_sent = started && sent.is_some();
        let sent_value = sent.unwrap_or(Value::NONE);
        if sent.is_some() {
            if !started && !sent_value.is_none() && throw.is_none() {
                g.frame = Some(frame);
                let msg = format!("can't send non-None value to a just-started {kind}");
                return Err(self.type_error(&msg));
            }
            if let (Some(exc), Some(&Op::YieldFrom(target))) = (throw, frame.code.ops.get(frame.pc))
                && started
            {
                // a `yield from`/`await` in progress: the delegate gets the exception
                // first (and is closed first by GeneratorExit)
                let sub = frame.top();
                g.frame = Some(frame);
                g.running = true;
                let r = self.throw_into_delegate(sub, exc);
                let ObjData::Generator(g2) = &genv.obj().data else {
                    unreachable!()
                };
                let g = g2.get();
                g.running = false;
                frame = g.frame.take().expect("suspended frame");
                match r {
                    Ok(Some(Resumed::Yielded(v))) => {
                        g.frame = Some(frame);
                        return Ok(Resumed::Yielded(v));
                    }
                    Ok(Some(Resumed::Returned(v))) => {
                        // the delegate finished: go on after the `yield from`
                        frame.pop();
                        frame.push(v);
                        frame.pc = target as usize;
                        throw = None;
                        push_sent = false;
                    }
                    Ok(None) => {}
                    Err(e) => throw = Some(e.0),
                }
            }
        }
        let ObjData::Generator(g) = &genv.obj().data else {
            unreachable!()
        };
        let g = g.get();
        if push_sent {
            frame.push(sent_value);
        }
        frame.is_entry = true;
        g.running = true;
        let saved_handled = self.handled;
        // a resumption runs on the generator's own exception state, above its
        // resumer's (a continuation after a trace keeps what the trace left)
        let resuming = sent.is_some();
        if let Err(e) = self.push_frame(frame) {
            g.running = false;
            return Err(e);
        }
        if resuming {
            let outer = self.current_exception();
            self.outer_handled.push(outer);
            self.handled = g.exc;
        }
        self.native_depth += 1;
        let r = if let Some(exc) = throw {
            // Raise at the yield point: unwind from the suspended frame.
            if push_sent {
                self.frames.last_mut().unwrap().pop();
            }
            match self.handle_error(PyErr(exc), false) {
                Ok(()) => self.execute(),
                Err(e) => Err(e),
            }
        } else {
            self.execute()
        };
        self.native_depth -= 1;
        let own = self.handled;
        if resuming {
            self.outer_handled.pop();
        }
        self.handled = saved_handled;
        let ObjData::Generator(g) = &genv.obj().data else {
            unreachable!()
        };
        let g = g.get();
        g.running = false;
        if resuming {
            // kept only while suspended inside an except block
            g.exc = if r.is_ok() && self.suspended.is_some() {
                own
            } else {
                Value::NONE
            };
        }
        match r {
            Ok(v) => {
                if let Some(f) = self.suspended.take() {
                    g.frame = Some(f);
                    Ok(Resumed::Yielded(v))
                } else {
                    Ok(Resumed::Returned(v))
                }
            }
            Err(e) => {
                self.suspended = None;
                let stop = if self.matches(e.0, "StopIteration") {
                    Some("StopIteration")
                } else if agen && self.matches(e.0, "StopAsyncIteration") {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(stop) = stop {
                    let re = self.runtime_error(&format!("{kind} raised {stop}"));
                    if let Some(st) = self.exc_state(re.0) {
                        st.cause = e.0;
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// Finds a handler for `err` starting in the top frame, popping frames that have
    /// none. Returns Ok when a handler was entered, Err when the entry frame was left.
    fn handle_error(&mut self, err: PyErr, is_reraise: bool) -> Result<(), PyErr> {
        let e = err.0;
        let mut first = !is_reraise;
        loop {
            let frame = self.frames.last_mut().expect("frame");
            if first {
                let entry = TracebackEntry {
                    code: frame.code.clone(),
                    line: frame.line(),
                    pc: frame.pc.saturating_sub(1),
                    globals: frame.globals,
                };
                self.add_traceback(e, entry);
            }
            first = true;
            let frame = self.frames.last_mut().unwrap();
            if let Some(b) = frame.blocks.pop() {
                let level = frame.stack_base + b.level as usize;
                frame.slots.truncate(level);
                frame.push(e);
                frame.pc = b.handler as usize;
                return Ok(());
            }
            let f = self.frames.pop().unwrap();
            if f.is_entry {
                if !f.generator.is_none() {
                    self.suspended = None;
                }
                return Err(err);
            }
        }
    }

    /// Sets `__context__` on a freshly raised exception from the one being handled.
    pub(crate) fn chain_context(&mut self, e: Value) {
        let h = self.current_exception();
        if h.is_none() || h == e {
            return;
        }
        if let Some(st) = self.exc_state(e)
            && st.context.is_none()
        {
            // Avoid cycles: do not chain if e is already in h's context chain.
            let mut c = h;
            for _ in 0..100 {
                match self.exc_state(c) {
                    Some(cs) => {
                        if cs.context == e {
                            cs.context = Value::NONE;
                            break;
                        }
                        c = cs.context;
                        if c.is_none() {
                            break;
                        }
                    }
                    None => break,
                }
            }
            if let Some(st) = self.exc_state(e) {
                st.context = h;
            }
        }
    }

    /// The dispatch loop. Runs until the entry frame returns or yields.
    pub fn execute(&mut self) -> PyResult<Value> {
        self.execute_from(None)
    }

    /// `execute`, raising `first` in the top frame before dispatching.
    fn execute_from(&mut self, mut first: Option<(PyErr, bool)>) -> PyResult<Value> {
        let base = self.frames.len();
        let (roots, reprs, depth) = (
            self.temp_roots.len(),
            self.repr_stack.len(),
            self.native_depth,
        );
        loop {
            let step = match first.take() {
                Some(e) => Err(e),
                None => self.dispatch_catching_panics(base, (roots, reprs, depth))?,
            };
            match step {
                Ok(v) => return Ok(v),
                Err((err, reraise)) => {
                    // (an exception inside what a residual bytecode runs may be
                    // handled there; the recorder sees whether it came out)
                    if self.jit_recording {
                        self.jit.raised_while_recording += 1;
                        if !self.jit_waits_for_residual() {
                            self.end_recording_at_raise();
                        }
                    }
                    if !reraise {
                        self.chain_context(err.0);
                    }
                    self.handle_error(err, reraise)?;
                }
            }
        }
    }

    /// `dispatch`, with a Rust panic in an instruction or in a native it called
    /// turned into a SystemError raised in the frame that was running (the
    /// bookkeeping the unwound Rust code left behind undone: `saved` is
    /// `temp_roots`, `repr_stack` and `native_depth` as `execute` began). Err
    /// when the entry frame (at `base`) is gone already: nowhere to unwind.
    fn dispatch_catching_panics(
        &mut self,
        base: usize,
        (roots, reprs, depth): (usize, usize, usize),
    ) -> Result<Result<Value, (PyErr, bool)>, PyErr> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch())) {
            Ok(step) => Ok(step),
            Err(payload) => {
                self.temp_roots.truncate(roots);
                self.repr_stack.truncate(reprs);
                self.native_depth = depth;
                self.pending_generator = None;
                let msg = crate::vm::panic::panic_message(&*payload);
                let e = self.error("SystemError", &format!("internal error: {msg}"));
                if self.frames.len() < base {
                    if self.jit_recording {
                        self.abort_recording("exception raised");
                    }
                    return Err(e);
                }
                Ok(Err((e, false)))
            }
        }
    }

    #[inline(never)]
    fn dispatch(&mut self) -> Result<Value, (PyErr, bool)> {
        let mut frame: *mut Frame = &mut **self.frames.last_mut().unwrap();
        macro_rules! f {
            () => {
                // SAFETY: `frame` points into a Box<Frame> owned by self.frames:
                // the box keeps its address when the Vec grows, and refresh!
                // re-reads the pointer after every op that pushes or pops a
                // frame, so it is the live top frame whenever it is used here.
                unsafe { &mut *frame }
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Err((e, false)),
                }
            };
        }
        macro_rules! refresh {
            () => {{
                frame = &mut **self.frames.last_mut().unwrap();
            }};
        }
        loop {
            let fr = f!();
            // SAFETY: every code object ends in a return or raise and every
            // jump targets an op of the same code (the compiler emits both), so
            // pc is in bounds whenever an op is fetched.
            let op = unsafe { *fr.code.ops.get_unchecked(fr.pc) };
            if self.jit_recording {
                self.jit_record(frame, fr.pc, op);
            }
            let fr = f!();
            fr.pc += 1;
            match op {
                Op::Nop => {}
                Op::LoadFast(i) => {
                    let v = fr.slots[i as usize];
                    if v.is_empty() {
                        let name = str_of(fr.code.varnames[i as usize]).to_string();
                        let e = self.error(
                            "UnboundLocalError",
                            &format!("cannot access local variable '{name}' where it is not associated with a value"),
                        );
                        return Err((e, false));
                    }
                    fr.push(v);
                }
                Op::StoreFast(i) => {
                    let v = fr.pop();
                    fr.slots[i as usize] = v;
                }
                Op::DeleteFast(i) => {
                    if fr.slots[i as usize].is_empty() {
                        let name = str_of(fr.code.varnames[i as usize]).to_string();
                        let e = self.error(
                            "UnboundLocalError",
                            &format!("cannot access local variable '{name}' where it is not associated with a value"),
                        );
                        return Err((e, false));
                    }
                    fr.slots[i as usize] = Value::EMPTY;
                }
                Op::LoadConst(i) => {
                    let v = fr.code.consts[i as usize];
                    fr.push(v);
                }
                Op::LoadDeref(i) => {
                    let cell = fr.slots[fr.code.nlocals() + i as usize];
                    let v = cell_get(cell);
                    if v.is_empty() {
                        let e = tri!(self.unbound_deref(fr, i));
                        return Err((e, false));
                    }
                    fr.push(v);
                }
                Op::StoreDeref(i) => {
                    let v = fr.pop();
                    let cell = fr.slots[fr.code.nlocals() + i as usize];
                    cell_set(cell, v);
                }
                Op::DeleteDeref(i) => {
                    let cell = fr.slots[fr.code.nlocals() + i as usize];
                    cell_set(cell, Value::EMPTY);
                }
                Op::LoadClosure(i) => {
                    let cell = fr.slots[fr.code.nlocals() + i as usize];
                    fr.push(cell);
                }
                Op::LoadGlobal(i) => {
                    let pc = fr.pc - 1;
                    let versions = (dict_version(fr.globals), dict_version(self.builtins));
                    let ic = fr.code.global_ic[pc].get();
                    if !ic.value.is_empty() && (ic.globals_version, ic.builtins_version) == versions
                    {
                        fr.push(ic.value);
                        continue;
                    }
                    let name = fr.code.names[i as usize];
                    let v = match self.dict_get_str(fr.globals, name) {
                        Some(v) => v,
                        None => match self.dict_get_str(self.builtins, name) {
                            Some(v) => v,
                            None => {
                                let e = self.name_error(name);
                                return Err((e, false));
                            }
                        },
                    };
                    // (a dict never stamped, version 0, could share it with another)
                    if versions.0 != 0 && versions.1 != 0 {
                        fr.code.global_ic[pc].set(crate::compiler::bytecode::GlobalIc {
                            globals_version: versions.0,
                            builtins_version: versions.1,
                            value: v,
                        });
                    }
                    fr.push(v);
                }
                Op::StoreGlobal(i) => {
                    let name = fr.code.names[i as usize];
                    let v = fr.pop();
                    self.dict_set_str(fr.globals, name, v);
                }
                Op::DeleteGlobal(i) => {
                    let name = fr.code.names[i as usize];
                    if !self.dict_del_str(fr.globals, name) {
                        let e = self.error(
                            "NameError",
                            &format!("name '{}' is not defined", str_of(name)),
                        );
                        return Err((e, false));
                    }
                }
                Op::LoadName(i) => {
                    let name = fr.code.names[i as usize];
                    let v = tri!(self.load_name(fr, name));
                    fr.push(v);
                }
                Op::StoreName(i) => {
                    let name = fr.code.names[i as usize];
                    let v = fr.pop();
                    let ns = if fr.locals.is_none() {
                        fr.globals
                    } else {
                        fr.locals
                    };
                    tri!(self.setitem(ns, name, v));
                }
                Op::DeleteName(i) => {
                    let name = fr.code.names[i as usize];
                    let ns = if fr.locals.is_none() {
                        fr.globals
                    } else {
                        fr.locals
                    };
                    if !self.dict_del_str(ns, name) {
                        let e = self.error(
                            "NameError",
                            &format!("name '{}' is not defined", str_of(name)),
                        );
                        return Err((e, false));
                    }
                }
                Op::LoadAttr(i) => {
                    let name = fr.code.names[i as usize];
                    let obj = fr.pop();
                    let pc = fr.pc - 1;
                    if let Some(v) = attr_ic_load(&fr.code, pc, obj) {
                        fr.push(v);
                        continue;
                    }
                    let v = tri!(self.getattr(obj, name));
                    self.fill_attr_ic(frame, pc, obj, name, false);
                    f!().push(v);
                }
                Op::StoreAttr(i) => {
                    let name = fr.code.names[i as usize];
                    let obj = fr.pop();
                    let v = fr.pop();
                    let pc = fr.pc - 1;
                    if attr_ic_store(&fr.code, pc, obj, v) {
                        continue;
                    }
                    let before = instance_shape(obj);
                    tri!(self.setattr_interned(obj, name, v));
                    self.fill_attr_ic_store(frame, pc, obj, name, before);
                }
                Op::DeleteAttr(i) => {
                    let name = fr.code.names[i as usize];
                    let obj = fr.pop();
                    tri!(self.delattr(obj, name));
                }
                Op::LoadMethod(i) => {
                    let name = fr.code.names[i as usize];
                    let obj = fr.pop();
                    let (a, b) = tri!(self.load_method(obj, name));
                    let fr = f!();
                    fr.push(a);
                    fr.push(b);
                }
                Op::CallMethod(argc) => {
                    let argc = argc as usize;
                    let len = fr.slots.len();
                    let slf = fr.slots[len - argc - 1];
                    let (start, n) = if slf.is_empty() {
                        (len - argc, argc)
                    } else {
                        (len - argc - 1, argc + 1)
                    };
                    let callee = fr.slots[len - argc - 2];
                    if tri!(self.call_from_frame(frame, callee, start, n, len - argc - 2)) {
                        refresh!();
                    }
                }
                Op::Call(argc) => {
                    let argc = argc as usize;
                    let len = fr.slots.len();
                    let start = len - argc;
                    let callee = fr.slots[start - 1];
                    if tri!(self.call_from_frame(frame, callee, start, argc, start - 1)) {
                        refresh!();
                    }
                }
                Op::CallKw(argc) => {
                    let names = fr.pop();
                    let names = self.tuple_items(names).unwrap_or_default();
                    let argc = argc as usize;
                    let len = fr.slots.len();
                    let start = len - argc;
                    let callee = fr.slots[start - 1];
                    let npos = argc - names.len();
                    let pos: Vec<Value> = fr.slots[start..start + npos].to_vec();
                    let kw: Vec<(Value, Value)> = names
                        .iter()
                        .copied()
                        .zip(fr.slots[start + npos..].iter().copied())
                        .collect();
                    let r = self.call_kw_from_frame(callee, &pos, &kw);
                    let fr = f!();
                    fr.slots.truncate(start - 1);
                    match tri!(r) {
                        Some(v) => fr.push(v),
                        None => refresh!(),
                    }
                }
                Op::CallEx(has_kw) => {
                    let kwargs = if has_kw == 1 { fr.pop() } else { Value::NONE };
                    let args = fr.pop();
                    let callee = fr.pop();
                    let pos = self.tuple_items(args).unwrap_or_default();
                    let mut kw = Vec::new();
                    if !kwargs.is_none() {
                        if let ObjData::Dict(d) = &kwargs.obj().data {
                            for e in d.get().iter() {
                                kw.push((e.key, e.value));
                            }
                        }
                    }
                    // keep args alive on the stack while calling
                    let fr = f!();
                    let base = fr.slots.len();
                    fr.push(args);
                    fr.push(kwargs);
                    let r = self.call_kw_from_frame(callee, &pos, &kw);
                    let fr = f!();
                    fr.slots.truncate(base);
                    match tri!(r) {
                        Some(v) => fr.push(v),
                        None => {
                            // A frame was pushed; its caller's stack must not keep
                            // the temporaries.
                            let n = self.frames.len();
                            self.frames[n - 2].slots.truncate(base);
                            refresh!();
                        }
                    }
                }
                // (the operands stay on the stack until the operation is
                // done: it may run Python code (`__index__`, `__getitem__`,
                // a generator assigned to a slice), where the collector may
                // run, and a slice built for it is held nowhere else)
                Op::Subscr => {
                    let idx = fr.top();
                    let obj = fr.peek(1);
                    let v = tri!(self.getitem(obj, idx));
                    let fr = f!();
                    fr.pop();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = v;
                }
                Op::StoreSubscr => {
                    let (idx, obj, v) = (fr.top(), fr.peek(1), fr.peek(2));
                    tri!(self.setitem(obj, idx, v));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots.truncate(l - 3);
                }
                Op::DeleteSubscr => {
                    let (idx, obj) = (fr.top(), fr.peek(1));
                    tri!(self.delitem(obj, idx));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots.truncate(l - 2);
                }
                Op::Binary(bop) | Op::InplaceBinary(bop) => {
                    let b = fr.pop();
                    let a = fr.top();
                    let fast = if a.is_small_int() && b.is_small_int() {
                        small_int_binop(bop, a.as_small_int(), b.as_small_int())
                    } else if a.is_float() && b.is_float() {
                        float_binop(bop, a.as_float(), b.as_float())
                    } else {
                        None
                    };
                    let r = match fast {
                        Some(r) => r,
                        // Only the slow path differs: `x op= y` tries `__iop__` first.
                        None if matches!(op, Op::InplaceBinary(_)) => {
                            tri!(self.inplace_op(bop, a, b))
                        }
                        None => tri!(self.binary_op(bop, a, b)),
                    };
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = r;
                }
                Op::Unary(op) => {
                    let a = fr.top();
                    let r = match op {
                        UnOp::Not => Value::bool(!tri!(self.truthy(a))),
                        // -(-2**47) is past the inline range: unary_op makes the big int
                        UnOp::Neg
                            if a.is_small_int()
                                && a.as_small_int() != crate::value::SMALL_INT_MIN =>
                        {
                            Value::small_int(-a.as_small_int())
                        }
                        UnOp::Neg if a.is_float() => Value::float(-a.as_float()),
                        _ => tri!(self.unary_op(op, a)),
                    };
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = r;
                }
                Op::Compare(op) => {
                    let b = fr.pop();
                    let a = fr.top();
                    let r = if a.is_small_int() && b.is_small_int() {
                        Value::bool(cmp_i64(op, a.as_small_int(), b.as_small_int()))
                    } else if a.is_float() && b.is_float() {
                        Value::bool(cmp_f64(op, a.as_float(), b.as_float()))
                    } else {
                        tri!(self.compare(op, a, b))
                    };
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = r;
                }
                Op::Is(invert) => {
                    let b = fr.pop();
                    let a = fr.pop();
                    fr.push(Value::bool((a == b) != invert));
                }
                Op::In(invert) => {
                    let container = fr.pop();
                    let item = fr.pop();
                    let r = tri!(self.contains(container, item));
                    f!().push(Value::bool(r != invert));
                }
                Op::Pop => {
                    fr.pop();
                }
                Op::Dup => {
                    let v = fr.top();
                    fr.push(v);
                }
                Op::DupTwo => {
                    let a = fr.peek(1);
                    let b = fr.peek(0);
                    fr.push(a);
                    fr.push(b);
                }
                Op::Rot2 => {
                    let l = fr.slots.len();
                    fr.slots.swap(l - 1, l - 2);
                }
                Op::Rot3 => {
                    let l = fr.slots.len();
                    let top = fr.slots[l - 1];
                    fr.slots[l - 1] = fr.slots[l - 2];
                    fr.slots[l - 2] = fr.slots[l - 3];
                    fr.slots[l - 3] = top;
                }
                Op::Rot4 => {
                    let l = fr.slots.len();
                    let top = fr.slots[l - 1];
                    fr.slots[l - 1] = fr.slots[l - 2];
                    fr.slots[l - 2] = fr.slots[l - 3];
                    fr.slots[l - 3] = fr.slots[l - 4];
                    fr.slots[l - 4] = top;
                }
                Op::BuildTuple(n) => {
                    let items = pop_tuple_items(fr, n as usize);
                    let t = if n == 0 {
                        self.empty_tuple
                    } else {
                        self.heap.alloc(self.types.tuple, ObjData::Tuple(items))
                    };
                    f!().push(t);
                }
                Op::BuildList(n) => {
                    let l = fr.slots.len();
                    let items = fr.slots.split_off(l - n as usize);
                    let t = self.new_list(items);
                    f!().push(t);
                }
                Op::BuildSet(n) => {
                    let l = fr.slots.len();
                    let items: Vec<Value> = fr.slots[l - n as usize..].to_vec();
                    let s = self.new_set();
                    fr.push(s);
                    for it in items {
                        tri!(self.set_add(s, it));
                    }
                    let fr = f!();
                    let s = fr.pop();
                    let l = fr.slots.len();
                    fr.slots.truncate(l - n as usize);
                    fr.push(s);
                }
                Op::BuildMap(n) => {
                    let l = fr.slots.len();
                    let items: Vec<Value> = fr.slots[l - 2 * n as usize..].to_vec();
                    let d = self.new_dict();
                    f!().push(d);
                    for kv in items.chunks(2) {
                        tri!(self.setitem(d, kv[0], kv[1]));
                    }
                    let fr = f!();
                    let d = fr.pop();
                    let l = fr.slots.len();
                    fr.slots.truncate(l - 2 * n as usize);
                    fr.push(d);
                }
                Op::BuildSlice(n) => {
                    let step = if n == 3 { fr.pop() } else { Value::NONE };
                    let stop = fr.pop();
                    let start = fr.pop();
                    let s = self.alloc(self.types.slice, ObjData::Slice { start, stop, step });
                    f!().push(s);
                }
                Op::BuildString(n) => {
                    let l = fr.slots.len();
                    let mut s = String::new();
                    for v in &fr.slots[l - n as usize..] {
                        s.push_str(str_of(*v));
                    }
                    fr.slots.truncate(l - n as usize);
                    let v = self.new_string(s);
                    f!().push(v);
                }
                Op::ListAppend(d) => {
                    let v = fr.pop();
                    let list = fr.peek(d as usize - 1);
                    if let ObjData::List(l) = &list.obj().data {
                        l.get().push(v);
                    }
                }
                Op::SetAdd(d) => {
                    let v = fr.pop();
                    let set = fr.peek(d as usize - 1);
                    fr.push(v);
                    tri!(self.set_add(set, v));
                    f!().pop();
                }
                Op::MapAdd(d) => {
                    let v = fr.peek(0);
                    let k = fr.peek(1);
                    let dict = fr.peek(d as usize + 1);
                    tri!(self.setitem(dict, k, v));
                    let fr = f!();
                    fr.pop();
                    fr.pop();
                }
                Op::ListExtend(d) => {
                    let it = fr.top();
                    let list = fr.peek(d as usize);
                    tri!(self.list_extend_op(list, it));
                    f!().pop();
                }
                Op::SetUpdate(d) => {
                    let it = fr.top();
                    let set = fr.peek(d as usize);
                    tri!(crate::builtins::set::set_update(self, set, it));
                    f!().pop();
                }
                Op::DictUpdate(d) | Op::DictMerge(d) => {
                    let src = fr.top();
                    let dict = fr.peek(d as usize);
                    let merge = matches!(op, Op::DictMerge(_));
                    if merge {
                        // Stack: [callee, args-tuple, kwargs-dict, src]
                        self.merge_callee = Some(fr.peek(d as usize + 2));
                    }
                    if merge {
                        tri!(self.dict_update_from(dict, src, true));
                    } else {
                        tri!(self.dict_update_op(dict, src));
                    }
                    f!().pop();
                }
                Op::ListToTuple => {
                    let l = fr.pop();
                    let items = match &l.obj().data {
                        ObjData::List(v) => v.get().clone(),
                        _ => vec![],
                    };
                    let t = self.new_tuple(items);
                    f!().push(t);
                }
                Op::UnpackSequence(n) => {
                    let seq = fr.top();
                    if unpack_exact(fr, seq, n as usize) {
                        continue;
                    }
                    let items = tri!(self.unpack(seq, n as usize));
                    let fr = f!();
                    fr.pop();
                    for v in items.into_iter().rev() {
                        fr.push(v);
                    }
                }
                Op::UnpackEx(spec) => {
                    let seq = fr.top();
                    let vals = tri!(self.unpack_ex(seq, spec));
                    let fr = f!();
                    fr.pop();
                    for v in vals {
                        fr.push(v);
                    }
                }
                Op::FormatValue(fl) => {
                    let spec = if fl & 4 != 0 { fr.pop() } else { Value::NONE };
                    let v = fr.top();
                    let v = match fl & 3 {
                        1 => tri!(self.str(v)),
                        2 => tri!(self.repr(v)),
                        3 => tri!(self.ascii(v)),
                        _ => v,
                    };
                    let r = if spec.is_none() && self.is_str(v) && self.type_of(v) == self.types.str
                    {
                        v
                    } else {
                        let spec_s = if spec.is_none() { "" } else { str_of(spec) };
                        tri!(self.format(v, spec_s))
                    };
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = r;
                }
                Op::Jump(t) => fr.pc = t as usize,
                Op::PopJumpIfFalse(t) => {
                    let v = fr.pop();
                    let b = if v.is_bool() {
                        v == Value::TRUE
                    } else {
                        tri!(self.truthy(v))
                    };
                    if !b {
                        f!().pc = t as usize;
                    }
                }
                Op::PopJumpIfTrue(t) => {
                    let v = fr.pop();
                    let b = if v.is_bool() {
                        v == Value::TRUE
                    } else {
                        tri!(self.truthy(v))
                    };
                    if b {
                        f!().pc = t as usize;
                    }
                }
                Op::JumpIfFalseOrPop(t) => {
                    let v = fr.top();
                    if !tri!(self.truthy(v)) {
                        f!().pc = t as usize;
                    } else {
                        f!().pop();
                    }
                }
                Op::JumpIfTrueOrPop(t) => {
                    let v = fr.top();
                    if tri!(self.truthy(v)) {
                        f!().pc = t as usize;
                    } else {
                        f!().pop();
                    }
                }
                Op::GetIter => {
                    let v = fr.top();
                    let it = tri!(self.iter(v));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = it;
                }
                Op::ForIter(t) => {
                    let it = fr.top();
                    // Fast paths: range and list iterators.
                    if let Some(o) = it.as_obj()
                        && let ObjData::Iter(st) = &o.data
                    {
                        match st.get() {
                            IterState::Range { cur, stop, step } => {
                                let c = *cur;
                                if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                    // past i64 is past `stop` too
                                    *cur = c.checked_add(*step).unwrap_or(*stop);
                                    fr.push(self.new_int(c));
                                } else {
                                    fr.pop();
                                    fr.pc = t as usize;
                                }
                                continue;
                            }
                            IterState::Seq { seq, idx } => {
                                let item = match &seq.obj().data {
                                    ObjData::List(l) => l.get().get(*idx).copied(),
                                    ObjData::Tuple(tu) => tu.get(*idx).copied(),
                                    _ => None,
                                };
                                match item {
                                    Some(v) => {
                                        *idx += 1;
                                        fr.push(v);
                                    }
                                    None => {
                                        fr.pop();
                                        fr.pc = t as usize;
                                    }
                                }
                                continue;
                            }
                            _ => {}
                        }
                    }
                    match tri!(self.next(it)) {
                        Some(v) => f!().push(v),
                        None => {
                            let fr = f!();
                            fr.pop();
                            fr.pc = t as usize;
                        }
                    }
                }
                Op::FuncEntry => {
                    let c = &fr.code.entry_counter;
                    c.set(c.get().wrapping_add(1));
                    if self.jit.enabled
                        && self.jit.asked(c.get(), fr.code.entry_jit_state.get())
                        // an entry trace polls the collector first thing: with
                        // a collection due, a frame called from native code (a
                        // property, a dunder) reaches no safepoint before it,
                        // and would leave through that poll at every call; it is
                        // interpreted instead (collecting here is not safe:
                        // the native caller may hold values it has not rooted)
                        && !self.heap.wants_collection()
                        && self.jit_function_entry_returning(frame)
                    {
                        // an entry trace ran (see `LoopHeader`)
                        if let Some(v) = self.jit.returned.take() {
                            // it left at the frame's `return` (as `Op::Return`)
                            let done = self.frames.pop().expect("the frame");
                            let entry = done.is_entry;
                            self.recycle_frame(done);
                            if entry {
                                return Ok(v);
                            }
                            refresh!();
                            f!().push(v);
                            continue;
                        }
                        refresh!();
                        if let Some(e) = self.jit.pending_raise.take() {
                            f!().pc += 1;
                            return Err((PyErr(e), false));
                        }
                        continue;
                    }
                }
                Op::LoopHeader(slot) => {
                    let c = &fr.code.loop_counters[slot as usize];
                    c.set(c.get().wrapping_add(1));
                    self.safepoint();
                    if self.jit.enabled
                        && self
                            .jit
                            .asked(c.get(), fr.code.loop_jit_states[slot as usize].get())
                        && self.jit_loop_header(frame, slot, f!().pc - 1)
                    {
                        // A trace ran; its exit left the frame at a bytecode boundary,
                        // possibly with inlined calls' frames rebuilt above it.
                        refresh!();
                        if let Some(e) = self.jit.pending_raise.take() {
                            // a residual call raised: at its bytecode, in its frame
                            f!().pc += 1;
                            return Err((PyErr(e), false));
                        }
                        continue;
                    }
                }
                Op::MakeFunction(idx, fl) => {
                    let code = fr.code.codes[idx as usize].clone();
                    let closure = if fl & 8 != 0 { fr.pop() } else { Value::NONE };
                    let annotations = if fl & 4 != 0 { fr.pop() } else { Value::NONE };
                    let kwdefaults = if fl & 2 != 0 { fr.pop() } else { Value::NONE };
                    let defaults = if fl & 1 != 0 { fr.pop() } else { Value::NONE };
                    let globals = fr.globals;
                    let func = self.make_function(code, globals, defaults, kwdefaults, closure);
                    if !annotations.is_none()
                        && let ObjData::Function(fo) = &func.obj().data
                    {
                        let d = self.new_dict();
                        let k = self.name("__annotations__");
                        self.dict_set_str(d, k, annotations);
                        *fo.dict.get() = d;
                    }
                    f!().push(func);
                }
                Op::Return => {
                    let v = fr.pop();
                    let mut done = self.frames.pop().unwrap();
                    if let Some(b) = done.binop_return.take() {
                        // an operator's dunder inlined by a trace, left by an
                        // exit: NotImplemented goes on as `binary_op` would
                        self.recycle_frame(done);
                        refresh!();
                        use crate::vm::frame::DunderOp;
                        let r = match b.op {
                            DunderOp::Len => {
                                let n = tri!(self.len_result(v));
                                self.new_int(n as i64)
                            }
                            DunderOp::Contains(invert) => {
                                Value::bool(tri!(self.truthy(v)) != invert)
                            }
                            DunderOp::Iter => tri!(self.iter_result(v)),
                            _ if v == self.not_implemented => {
                                tri!(self.after_not_implemented(b.op, b.a, b.b))
                            }
                            DunderOp::NotEqualViaEq => Value::bool(!tri!(self.truthy(v))),
                            _ => v,
                        };
                        f!().push(r);
                        continue;
                    }
                    if !done.init_self.is_empty() {
                        // the end of a class call's `__init__`: the caller gets
                        // the instance (see `plain_init`)
                        let inst = done.init_self;
                        self.recycle_frame(done);
                        refresh!();
                        if !v.is_none() {
                            let msg = format!(
                                "__init__() should return None, not '{}'",
                                self.type_name(v)
                            );
                            tri!(Err(self.type_error(&msg)));
                        }
                        f!().push(inst);
                        continue;
                    }
                    if done.is_entry {
                        if !done.generator.is_none() {
                            self.suspended = None;
                            // (its generator is done with it: the frame went
                            // out of it when it resumed, and stays out)
                            done.generator = Value::NONE;
                        }
                        self.recycle_frame(done);
                        return Ok(v);
                    }
                    self.recycle_frame(done);
                    refresh!();
                    f!().push(v);
                }
                Op::YieldValue => {
                    let v = fr.pop();
                    if self.gen_sink.is_some() && self.sink_push(frame, v) {
                        // a builtin drains this generator: go on as if sent None
                        f!().push(Value::NONE);
                        continue;
                    }
                    let done = self.frames.pop().unwrap();
                    debug_assert!(done.is_entry);
                    self.suspended = Some(done);
                    return Ok(v);
                }
                Op::YieldFrom(t) => {
                    let sent = fr.pop();
                    let sub = fr.top();
                    match tri!(self.yield_from_step(sub, sent)) {
                        Resumed::Yielded(v) => {
                            let fr = f!();
                            fr.pc -= 1;
                            let done = self.frames.pop().unwrap();
                            self.suspended = Some(done);
                            return Ok(v);
                        }
                        Resumed::Returned(v) => {
                            let fr = f!();
                            fr.pop();
                            fr.push(v);
                            fr.pc = t as usize;
                        }
                    }
                }
                Op::GetYieldFromIter => {
                    let v = fr.top();
                    let func = fr.func;
                    if self.is_coroutine(v) && !self.is_iterable_coroutine_fn(func) {
                        let e = self.type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        );
                        return Err((e, false));
                    }
                    // (a coroutine here is one a types.coroutine generator awaits)
                    let is_gen = v.is_obj()
                        && matches!(v.obj().data, ObjData::Generator(_))
                        && (self.type_of(v) == self.types.generator || self.is_coroutine(v));
                    if !is_gen {
                        let it = tri!(self.iter(v));
                        let fr = f!();
                        let l = fr.slots.len();
                        fr.slots[l - 1] = it;
                    }
                }
                Op::Raise(n) => {
                    let e = match n {
                        0 => {
                            let h = self.current_exception();
                            if h.is_none() {
                                let e = self.runtime_error("No active exception to reraise");
                                return Err((e, false));
                            }
                            return Err((PyErr(h), true));
                        }
                        1 => {
                            let v = fr.pop();
                            tri!(self.make_exception(v))
                        }
                        _ => {
                            let cause = fr.pop();
                            let v = fr.pop();
                            let e = tri!(self.make_exception(v));
                            let cause = if cause.is_none() {
                                cause
                            } else {
                                match self.make_exception(cause) {
                                    Ok(c) => c,
                                    Err(_) => {
                                        let e = self.type_error(
                                            "exception causes must derive from BaseException",
                                        );
                                        return Err((e, false));
                                    }
                                }
                            };
                            if let Some(st) = self.exc_state(e) {
                                st.cause = cause;
                                st.suppress_context = true;
                            }
                            e
                        }
                    };
                    return Err((PyErr(e), false));
                }
                Op::Reraise => {
                    let e = fr.pop();
                    return Err((PyErr(e), true));
                }
                Op::ReraiseRestore => {
                    let e = fr.pop();
                    let prev = fr.pop();
                    self.handled = prev;
                    return Err((PyErr(e), true));
                }
                Op::SetupExcept(t) => {
                    let level = fr.stack_len() as u32;
                    fr.blocks.push(Block { handler: t, level });
                }
                Op::PopBlock => {
                    fr.blocks.pop();
                }
                Op::PushExcInfo => {
                    let e = fr.pop();
                    fr.push(self.handled);
                    fr.push(e);
                    self.handled = e;
                }
                Op::PopExcept => {
                    let prev = fr.pop();
                    self.handled = prev;
                }
                Op::CheckExcMatch => {
                    let ty = fr.pop();
                    let e = fr.top();
                    let r = tri!(self.exception_matches(e, ty));
                    f!().push(Value::bool(r));
                }
                Op::BeforeWith => {
                    let ctx = fr.pop();
                    let exit_name = self.name("__exit__");
                    let enter_name = self.name("__enter__");
                    let exit = match self.getattr(ctx, exit_name) {
                        Ok(x) => x,
                        Err(_) => {
                            let e = self.type_error(&format!(
                                "'{}' object does not support the context manager protocol",
                                self.type_name(ctx)
                            ));
                            return Err((e, false));
                        }
                    };
                    f!().push(exit);
                    let enter = tri!(self.getattr(ctx, enter_name));
                    let r = tri!(self.call(enter, &[]));
                    f!().push(r);
                }
                Op::WithExceptStart => {
                    let e = fr.peek(0);
                    let exit = fr.peek(2);
                    let ty = self.type_of(e);
                    let tb = crate::builtins::traceback::traceback_of(self, e);
                    let r = tri!(self.call(exit, &[ty, e, tb]));
                    let b = tri!(self.truthy(r));
                    f!().push(Value::bool(b));
                }
                Op::LoadAssertionError => {
                    let c = self.exc_class("AssertionError");
                    fr.push(c);
                }
                Op::LoadBuildClass => {
                    let k = self.name("__build_class__");
                    let b = self.dict_get_str(self.builtins, k).unwrap_or(Value::NONE);
                    fr.push(b);
                }
                Op::ImportName(i) => {
                    let name = fr.code.names[i as usize];
                    let fromlist = fr.pop();
                    let level = fr.pop();
                    let globals = fr.globals;
                    let m = tri!(self.import(
                        str_of(name),
                        fromlist,
                        level.as_small_int() as usize,
                        globals
                    ));
                    f!().push(m);
                }
                Op::ImportFrom(i) => {
                    let name = fr.code.names[i as usize];
                    let m = fr.top();
                    let v = tri!(self.import_from(m, name));
                    f!().push(v);
                }
                Op::ImportStar => {
                    let m = fr.pop();
                    let globals = fr.globals;
                    tri!(self.import_star(m, globals));
                }
                Op::Rot(n) => {
                    let l = fr.slots.len();
                    fr.slots[l - n as usize..].rotate_right(1);
                }
                Op::MatchSequence | Op::MatchMapping => {
                    let v = fr.top();
                    let r = if op == Op::MatchSequence {
                        self.is_match_sequence(v)
                    } else {
                        self.is_match_mapping(v)
                    };
                    f!().push(Value::bool(r));
                }
                Op::GetLen => {
                    let n = tri!(self.len(fr.top()));
                    let n = self.new_int(n as i64);
                    f!().push(n);
                }
                Op::MatchKeys => {
                    let (subject, keys) = (fr.peek(1), fr.top());
                    let r = tri!(self.match_keys(subject, keys));
                    f!().push(r);
                }
                Op::MatchClass(nargs) => {
                    let (subject, cls, names) = (fr.peek(2), fr.peek(1), fr.top());
                    let r = tri!(self.match_class(subject, cls, nargs as usize, names));
                    let fr = f!();
                    fr.slots.truncate(fr.slots.len() - 3);
                    fr.push(r);
                }
                Op::CopyDictWithout => {
                    let (subject, keys) = (fr.peek(1), fr.top());
                    let r = tri!(self.copy_dict_without(subject, keys));
                    let fr = f!();
                    fr.slots.truncate(fr.slots.len() - 2);
                    fr.push(r);
                }
                Op::GetAwaitable(kind) => {
                    let it = tri!(self.get_awaitable(fr.top(), kind));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = it;
                }
                Op::BeforeAsyncWith => {
                    let (exit, r) = tri!(self.before_async_with(fr.top()));
                    let fr = f!();
                    fr.pop();
                    fr.push(exit);
                    fr.push(r);
                }
                Op::AsyncWithExceptStart => {
                    let e = fr.peek(0);
                    let exit = fr.peek(2);
                    let ty = self.type_of(e);
                    let tb = crate::builtins::traceback::traceback_of(self, e);
                    let r = tri!(self.call(exit, &[ty, e, tb]));
                    f!().push(r);
                }
                Op::GetAIter => {
                    let it = tri!(self.get_aiter(fr.top()));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = it;
                }
                Op::GetANext => {
                    let a = tri!(self.get_anext(fr.top()));
                    f!().push(a);
                }
                Op::AsyncGenWrap => {
                    let w = self.async_gen_wrap(fr.top());
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = w;
                }
                Op::EndAsyncFor => {
                    let e = fr.pop();
                    if !self.matches(e, "StopAsyncIteration") {
                        return Err((PyErr(e), true));
                    }
                    f!().pop();
                }
                Op::CheckEgMatch => {
                    let (rest, ty) = (fr.peek(1), fr.top());
                    let (rest, matched) = tri!(self.eg_match(rest, ty));
                    if !matched.is_none() {
                        self.handled = matched;
                    }
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 2] = rest;
                    fr.slots[l - 1] = matched;
                }
                Op::PrepReraiseStar => {
                    let (orig, list) = (fr.peek(1), fr.top());
                    let r = tri!(self.prep_reraise_star(orig, list));
                    let fr = f!();
                    let l = fr.slots.len();
                    fr.slots[l - 1] = r;
                }
                Op::Unsupported(i) => {
                    let msg = str_of(fr.code.consts[i as usize]).to_string();
                    let e = self.unsupported(&msg);
                    return Err((e, false));
                }
            }
        }
    }

    fn unbound_deref(&mut self, fr: &Frame, i: u32) -> PyResult<PyErr> {
        let ncell = fr.code.cellvars.len();
        let (name, free) = if (i as usize) < ncell {
            (str_of(fr.code.cellvars[i as usize]).to_string(), false)
        } else {
            (
                str_of(fr.code.freevars[i as usize - ncell]).to_string(),
                true,
            )
        };
        Ok(if free {
            self.error(
                "NameError",
                &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.error(
                "UnboundLocalError",
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        })
    }

    fn load_name(&mut self, fr: &Frame, name: Value) -> PyResult<Value> {
        if !fr.locals.is_none() {
            if self.type_of(fr.locals) == self.types.dict {
                if let Some(v) = self.dict_get_str(fr.locals, name) {
                    return Ok(v);
                }
            } else if let Ok(v) = self.getitem(fr.locals, name) {
                return Ok(v);
            }
        }
        if let Some(v) = self.dict_get_str(fr.globals, name) {
            return Ok(v);
        }
        if let Some(v) = self.dict_get_str(self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    fn yield_from_step(&mut self, sub: Value, sent: Value) -> PyResult<Resumed> {
        if sub.is_obj() && matches!(sub.obj().data, ObjData::Generator(_)) {
            return self.gen_resume(sub, sent, None);
        }
        if sent.is_none() {
            return Ok(match self.next(sub)? {
                Some(v) => Resumed::Yielded(v),
                None => Resumed::Returned(self.take_stop_value()),
            });
        }
        let send = self.name("send");
        let m = self.getattr(sub, send)?;
        match self.call(m, &[sent]) {
            Ok(v) => Ok(Resumed::Yielded(v)),
            Err(e) if self.matches(e.0, "StopIteration") => {
                let k = self.name("value");
                let v = self.instance_get_attr(e.0, k).unwrap_or(Value::NONE);
                Ok(Resumed::Returned(v))
            }
            Err(e) => Err(e),
        }
    }

    /// `raise X`: X may be an instance or a class (instantiated with no args).
    fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        if crate::vm::types::is_type(v) {
            let base = self.exc_class("BaseException");
            if self.is_subclass(v, base) {
                return self.instantiate_exception(v, &[], true);
            }
        } else if self.is_exception_instance(v) {
            return Ok(v);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `cls(*args)` for an exception class being raised or thrown: a `__new__`
    /// that returns something other than an exception is a TypeError, as in
    /// CPython (whose `raise` names the result's type by its repr, and
    /// `throw()` by its name).
    pub(crate) fn instantiate_exception(
        &mut self,
        cls: Value,
        args: &[Value],
        type_repr: bool,
    ) -> PyResult<Value> {
        let r = self.call(cls, args)?;
        if self.is_exception_instance(r) {
            return Ok(r);
        }
        let cr = self.repr_string(cls)?;
        let tn = if type_repr {
            let t = self.type_of(r);
            self.repr_string(t)?
        } else {
            self.type_name(r).to_string()
        };
        Err(self.type_error(&format!(
            "calling {cr} should have returned an instance of BaseException, not {tn}"
        )))
    }

    pub(crate) fn exception_matches(&mut self, e: Value, ty: Value) -> PyResult<bool> {
        if let Some(items) = self.tuple_items(ty) {
            for t in items {
                if self.exception_matches(e, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !crate::vm::types::is_type(ty) || !self.is_subclass(ty, self.exc_class("BaseException"))
        {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.isinstance(e, ty))
    }

    pub fn make_function(
        &mut self,
        code: Rc<Code>,
        globals: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> Value {
        let defaults = self
            .tuple_items(defaults)
            .unwrap_or_default()
            .into_boxed_slice();
        let closure = self
            .tuple_items(closure)
            .unwrap_or_default()
            .into_boxed_slice();
        // interned: a closure made in a loop then costs no string per creation
        let (name, qualname) = match code.interned_names.get() {
            Some(&names) => names,
            None => {
                let names = (self.intern(&code.name), self.intern(&code.qualname));
                let _ = code.interned_names.set(names);
                names
            }
        };
        self.alloc(
            self.types.function,
            ObjData::Function(Box::new(Function {
                code,
                globals,
                defaults,
                kwdefaults,
                closure,
                name: Mut::new(name),
                qualname: Mut::new(qualname),
                dict: Mut::new(Value::NONE),
            })),
        )
    }

    /// Calls `callee` with the `n` arguments at `start` in the current frame's stack.
    /// Python functions get a new frame pushed (returns true: the caller must refresh
    /// its frame pointer); everything else runs to completion and its result replaces
    /// the stack from `result_slot` up.
    #[inline]
    fn call_from_frame(
        &mut self,
        frame: *mut Frame,
        callee: Value,
        start: usize,
        n: usize,
        result_slot: usize,
    ) -> PyResult<bool> {
        // SAFETY: `frame` is dispatch's pointer to the caller's live frame, a
        // Box in self.frames; a call that pushes a callee frame or grows the
        // Vec leaves that box where it is, so `fr` is re-derived from it after
        // every call back into the VM (this holds for each `&mut *frame` below).
        let fr = unsafe { &mut *frame };
        if let Some(o) = callee.as_obj() {
            match &o.data {
                ObjData::Function(func) => {
                    let code = &func.code;
                    if code.takes_exactly(n) {
                        let mut nf =
                            self.new_frame(code.clone(), func.globals, Value::NONE, callee);
                        nf.slots[..n].copy_from_slice(&fr.slots[start..start + n]);
                        for (i, c) in func.closure.iter().enumerate() {
                            nf.slots[code.nlocals() + i] = *c;
                        }
                        fr.slots.truncate(result_slot);
                        self.push_frame(nf)?;
                        self.safepoint();
                        return Ok(true);
                    }
                    let args: Vec<Value> = fr.slots[start..start + n].to_vec();
                    let nf = self.bind_frame(callee, func, &args, &[])?;
                    // SAFETY: the caller's frame box outlives the call (see above).
                    let fr = unsafe { &mut *frame };
                    match nf {
                        Some(nf) => {
                            fr.slots.truncate(result_slot);
                            self.push_frame(nf)?;
                            self.safepoint();
                            return Ok(true);
                        }
                        None => {
                            // generator: bind_frame produced it through call
                            let g = self.make_generator(callee, func, &args)?;
                            // SAFETY: the caller's frame box outlives the call (see above).
                            let fr = unsafe { &mut *frame };
                            fr.slots.truncate(result_slot);
                            fr.push(g);
                            return Ok(false);
                        }
                    }
                }
                ObjData::Type(_) if let Some(init) = self.plain_init(callee, n) => {
                    // `C(args)`: a new plain instance and `__init__` in a frame of
                    // this loop, which hands the caller the instance on return
                    let ObjData::Function(func) = &init.obj().data else {
                        unreachable!("plain_init returns a function")
                    };
                    let code = func.code.clone();
                    let inst = self.new_instance(callee);
                    let mut nf = self.new_frame(code.clone(), func.globals, Value::NONE, init);
                    nf.slots[0] = inst;
                    // SAFETY: the caller's frame box outlives the call (see above).
                    let fr = unsafe { &mut *frame };
                    nf.slots[1..=n].copy_from_slice(&fr.slots[start..start + n]);
                    let d = func.defaults_after(n + 1).unwrap_or_default();
                    nf.slots[n + 1..n + 1 + d.len()].copy_from_slice(d);
                    for (i, c) in func.closure.iter().enumerate() {
                        nf.slots[code.nlocals() + i] = *c;
                    }
                    nf.init_self = inst;
                    fr.slots.truncate(result_slot);
                    self.push_frame(nf)?;
                    self.safepoint();
                    return Ok(true);
                }
                ObjData::Builtin(b) => {
                    let r = if b.bound.is_empty() {
                        // SAFETY: the call op pushed the n arguments at `start` of
                        // this frame's stack. Only this frame's own dispatch pushes
                        // to or pops its value stack, and it is suspended in this
                        // call, so the buffer is neither reallocated nor shrunk
                        // while the builtin runs (other frames have their own).
                        let args: &[Value] =
                            unsafe { std::slice::from_raw_parts(fr.slots.as_ptr().add(start), n) };
                        let r = match self.check_method_call(b, args)? {
                            None => (b.func)(self, Args::new(args))?,
                            Some(recv) => {
                                let mut a = args.to_vec();
                                a[0] = recv;
                                (b.func)(self, Args::new(&a))?
                            }
                        };
                        if b.name == "__new__" {
                            self.subclass_new_result(b, args, r)
                        } else {
                            r
                        }
                    } else {
                        let mut args = Vec::with_capacity(n + 1);
                        args.push(b.bound);
                        args.extend_from_slice(&fr.slots[start..start + n]);
                        self.check_method_call(b, &fr.slots[start..start + n])?;
                        (b.func)(self, Args::new(&args))?
                    };
                    // SAFETY: the caller's frame box outlives the call (see above).
                    let fr = unsafe { &mut *frame };
                    fr.slots.truncate(result_slot);
                    fr.push(r);
                    return Ok(false);
                }
                ObjData::BoundMethod { func, slf } => {
                    let (func, slf) = (*func, *slf);
                    let mut args = Vec::with_capacity(n + 1);
                    args.push(slf);
                    args.extend_from_slice(&fr.slots[start..start + n]);
                    if let Some(fobj) = self.function(func) {
                        match self.bind_frame(func, fobj, &args, &[])? {
                            Some(nf) => {
                                // SAFETY: the caller's frame box outlives the call (see above).
                                let fr = unsafe { &mut *frame };
                                fr.slots.truncate(result_slot);
                                self.push_frame(nf)?;
                                self.safepoint();
                                return Ok(true);
                            }
                            None => {
                                let g = self.make_generator(func, fobj, &args)?;
                                // SAFETY: the caller's frame box outlives the call (see above).
                                let fr = unsafe { &mut *frame };
                                fr.slots.truncate(result_slot);
                                fr.push(g);
                                return Ok(false);
                            }
                        }
                    }
                    let r = self.call(func, &args)?;
                    // SAFETY: the caller's frame box outlives the call (see above).
                    let fr = unsafe { &mut *frame };
                    fr.slots.truncate(result_slot);
                    fr.push(r);
                    return Ok(false);
                }
                _ => {}
            }
        }
        let args: Vec<Value> = fr.slots[start..start + n].to_vec();
        let r = self.call(callee, &args)?;
        // SAFETY: the caller's frame box outlives the call (see above).
        let fr = unsafe { &mut *frame };
        fr.slots.truncate(result_slot);
        fr.push(r);
        Ok(false)
    }

    /// Keyword call from the interpreter: Some(result) when it completed, None when a
    /// Python frame was pushed.
    fn call_kw_from_frame(
        &mut self,
        callee: Value,
        pos: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Option<Value>> {
        let (func, args): (Value, Vec<Value>) = match callee.as_obj().map(|o| &o.data) {
            Some(ObjData::Function(_)) => (callee, pos.to_vec()),
            Some(ObjData::BoundMethod { func, slf }) if self.function(*func).is_some() => {
                let mut a = vec![*slf];
                a.extend_from_slice(pos);
                (*func, a)
            }
            _ => return Ok(Some(self.call_kw(callee, pos, kw)?)),
        };
        let fobj = self.function(func).unwrap();
        match self.bind_frame(func, fobj, &args, kw)? {
            Some(nf) => {
                self.push_frame(nf)?;
                self.safepoint();
                Ok(None)
            }
            None => Ok(Some(self.call_kw(callee, pos, kw)?)),
        }
    }
}

/// The shape of a plain instance (no `__dict__` taken), as an address.
#[inline(always)]
fn instance_shape(obj: Value) -> usize {
    match obj.as_obj().map(|o| &o.data) {
        Some(ObjData::Instance(i)) if i.dict.get().is_empty() => i.shape.get() as *const _ as usize,
        _ => 0,
    }
}

/// The version stamp of a dict (0 for anything else, and for a dict never
/// stamped; caches are filled only under stamps, which start at 1).
#[inline(always)]
fn dict_version(d: Value) -> u64 {
    match d.as_obj().map(|o| &o.data) {
        Some(ObjData::Dict(d)) => d.get().version,
        _ => 0,
    }
}

/// The attribute-load inline cache hit path: one class, version and shape compare.
#[inline(always)]
fn attr_ic_load(code: &Code, pc: usize, obj: Value) -> Option<Value> {
    let o = obj.as_obj()?;
    let ObjData::Instance(inst) = &o.data else {
        return None;
    };
    let ic = code.attr_ic[pc].get();
    let cls = o.class();
    if ic.ty != cls.0
        || ic.new_shape != 0
        || ic.shape != inst.shape.get() as *const _ as usize
        || !inst.dict.get().is_empty()
    {
        return None;
    }
    if crate::vm::types::type_obj(cls).lookup_version.get() != ic.version {
        return None;
    }
    let v = *inst.slots.get().get(ic.idx as usize)?;
    if v.is_empty() { None } else { Some(v) }
}

/// The attribute-store inline cache hit path, including cached shape transitions.
#[inline(always)]
fn attr_ic_store(code: &Code, pc: usize, obj: Value, v: Value) -> bool {
    let Some(o) = obj.as_obj() else { return false };
    let ObjData::Instance(inst) = &o.data else {
        return false;
    };
    let ic = code.attr_ic[pc].get();
    let cls = o.class();
    if ic.ty != cls.0
        || ic.shape != inst.shape.get() as *const _ as usize
        || !inst.dict.get().is_empty()
    {
        return false;
    }
    if crate::vm::types::type_obj(cls).lookup_version.get() != ic.version {
        return false;
    }
    let slots = inst.slots.get();
    if ic.new_shape != 0 {
        if slots.len() != ic.idx as usize {
            return false;
        }
        slots.push(v);
        // SAFETY: new_shape was stored from a `&'static Shape` (shapes are
        // leaked, never freed: object/shape.rs), so the address is still one.
        inst.shape
            .set(unsafe { &*(ic.new_shape as *const crate::object::Shape) });
        return true;
    }
    match slots.get_mut(ic.idx as usize) {
        Some(s) => {
            *s = v;
            true
        }
        None => false,
    }
}

impl Vm {
    /// Whether `obj.name` is a plain instance attribute for its class right now (no
    /// hooks, no data descriptor), so an inline cache may bypass the lookup.
    fn plain_attr(&mut self, cls: Value, name: Value) -> bool {
        if self.type_hooks(cls) & crate::vm::types::ATTR_HOOKS != 0 {
            return false;
        }
        match crate::vm::types::lookup_owner(self, cls, name) {
            None => true,
            Some((d, _)) => !matches!(
                d.as_obj().map(|o| &o.data),
                Some(ObjData::Property { .. } | ObjData::Instance(_))
            ),
        }
    }

    fn fill_attr_ic(
        &mut self,
        frame: *mut Frame,
        pc: usize,
        obj: Value,
        name: Value,
        _store: bool,
    ) {
        let Some(o) = obj.as_obj() else { return };
        let ObjData::Instance(inst) = &o.data else {
            return;
        };
        if !inst.dict.get().is_empty() {
            return;
        }
        let cls = o.class();
        let Some(idx) = inst.shape.get().lookup(name) else {
            return;
        };
        if !self.plain_attr(cls, name) {
            return;
        }
        // SAFETY: `frame` is the caller's pointer to the live top frame (see
        // dispatch); only its code is read, through a shared reference.
        let code = unsafe { &(*frame).code };
        code.attr_ic[pc].set(crate::compiler::bytecode::AttrIc {
            ty: cls.0,
            version: crate::vm::types::type_obj(cls).lookup_version.get(),
            shape: inst.shape.get() as *const _ as usize,
            new_shape: 0,
            idx: idx as u32,
        });
    }

    fn fill_attr_ic_store(
        &mut self,
        frame: *mut Frame,
        pc: usize,
        obj: Value,
        name: Value,
        before: usize,
    ) {
        let Some(o) = obj.as_obj() else { return };
        let ObjData::Instance(inst) = &o.data else {
            return;
        };
        if before == 0 || !inst.dict.get().is_empty() {
            return;
        }
        let cls = o.class();
        let t = crate::vm::types::type_obj(cls);
        if t.slots.is_some() || !self.plain_attr(cls, name) {
            return;
        }
        let after = inst.shape.get() as *const _ as usize;
        let Some(idx) = inst.shape.get().lookup(name) else {
            return;
        };
        // SAFETY: `frame` is the caller's pointer to the live top frame (see
        // dispatch); only its code is read, through a shared reference.
        let code = unsafe { &(*frame).code };
        code.attr_ic[pc].set(crate::compiler::bytecode::AttrIc {
            ty: cls.0,
            version: t.lookup_version.get(),
            shape: before,
            new_shape: if after != before { after } else { 0 },
            idx: idx as u32,
        });
    }
}

#[inline(always)]
pub fn cell_get(cell: Value) -> Value {
    match &cell.obj().data {
        ObjData::Cell(c) => *c.get(),
        _ => Value::EMPTY,
    }
}

#[inline(always)]
pub fn cell_set(cell: Value, v: Value) {
    if let ObjData::Cell(c) = &cell.obj().data {
        *c.get() = v;
    }
}

/// Small-int arithmetic that stays small; None means "take the general path".
#[inline(always)]
pub fn small_int_binop(op: BinOp, a: i64, b: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a.checked_mul(b)?,
        BinOp::FloorDiv => {
            if b == 0 {
                return None;
            }
            a.div_euclid(b) - if b < 0 && a.rem_euclid(b) != 0 { 1 } else { 0 }
        }
        BinOp::Mod => {
            if b == 0 {
                return None;
            }
            let m = a % b;
            if m != 0 && ((m < 0) != (b < 0)) {
                m + b
            } else {
                m
            }
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::LShift => {
            if !(0..48).contains(&b) {
                return None;
            }
            a.checked_shl(b as u32).filter(|r| r >> b == a)?
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        BinOp::TrueDiv => {
            if b == 0 {
                return None;
            }
            return Some(Value::float(a as f64 / b as f64));
        }
        _ => return None,
    };
    if Value::fits_small(r) {
        Some(Value::small_int(r))
    } else {
        None
    }
}

#[inline(always)]
pub fn float_binop(op: BinOp, a: f64, b: f64) -> Option<Value> {
    Some(Value::float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        _ => return None,
    }))
}

#[inline(always)]
pub fn cmp_i64(op: CmpOp, a: i64, b: i64) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

#[inline(always)]
pub fn cmp_f64(op: CmpOp, a: f64, b: f64) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// `UNPACK_SEQUENCE n` of a tuple or list of exactly `n` items, the common
/// case (`a, b = pair`): the items go onto the stack in place of `seq`, with
/// no vector made. False (nothing done) for anything else. Out of line: in
/// the dispatch loop it cost 1-2% on programs that never unpack.
#[inline(never)]
fn unpack_exact(fr: &mut Frame, seq: Value, n: usize) -> bool {
    let Some(o) = seq.as_obj() else {
        return false;
    };
    let items = match &o.data {
        ObjData::Tuple(t) if t.len() == n => &t[..],
        ObjData::List(l) if l.get().len() == n => &l.get()[..],
        _ => return false,
    };
    fr.pop();
    fr.slots.extend(items.iter().rev());
    true
}

/// The top `n` values of `fr`'s stack, popped, as a tuple's items.
#[inline(never)]
fn pop_tuple_items(fr: &mut Frame, n: usize) -> TupleItems {
    let l = fr.slots.len() - n;
    let items = TupleItems::from_slice(&fr.slots[l..]);
    fr.slots.truncate(l);
    items
}
