//! Exceptions raised and caught inside one trace: a `raise` (or the re-raise
//! at the end of an `except`/`finally`, or `d[k]` of a missing key) whose
//! handler is in a frame the trace holds unwinds in the trace, and the
//! recording goes on in the handler. Also the exceptions' making: `E(arg)` of
//! a class with native `__new__`/`__init__` is one helper call.
//!
//! Why: validation loops (`raise AppError(code)` in a callee, caught by the
//! loop's `try`) otherwise leave the trace at every raise, and a loop that
//! raises on most iterations is blacklisted as unprofitable: it ran entirely
//! in the interpreter.
//!
//! How. Recording follows the interpreter, which unwinds for real: the
//! recorder finds the same handler the interpreter will (the innermost block
//! among the frames from the raising one down to the trace's own, crossing no
//! native caller), and emits `UNWIND` with an [`Unwind`] describing what the
//! interpreter's `handle_error` does besides moving frames: `__context__`
//! from the exception being handled, the traceback entries of every frame it
//! leaves and of the handler's (constants: the trace's path fixes the code
//! objects, pcs and globals), and, when the handler is the loop frame's own,
//! popping that real frame's block. Frames and operand stacks are the
//! recorder's: the inlined frames above the handler's are dropped, its stack
//! cut to the block's level, and the exception pushed. `PushExcInfo`,
//! `PopExcept` and `CheckExcMatch` are helper calls over `Vm::handled`, which
//! is interpreter state the trace keeps current. A raise the trace cannot
//! follow (from a generator, through a native caller, of a class rather than
//! an instance, or out of the trace's frames) ends the trace where the
//! interpreter raises, as before.

use guards::{Op as IrOp, Ref, Ty};

use crate::compiler::bytecode::Op;
use crate::jit::helpers;
use crate::jit::record::Recorder;
use crate::object::ObjData;
use crate::object::TracebackEntry;
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::frame::{Block, Frame};

type Abort = String;

/// What unwinding to a handler inside the trace does to interpreter state (the
/// `UNWIND` helper's constant operand; owned by the compiled trace).
pub struct Unwind {
    /// Traceback entries `handle_error` adds, the raising frame's first.
    pub entries: Vec<TracebackEntry>,
    /// A new raise (not a re-raise): the value must be an exception instance,
    /// and gets `__context__` from the exception being handled.
    pub fresh: bool,
    /// The handler is the loop frame's top block (a real one): popped, after
    /// checking its handler pc is this.
    pub root_handler: Option<u32>,
}

/// Where an exception raised at the current bytecode lands: the handler block,
/// `depth` frames below the current one.
#[derive(Clone, Copy)]
pub(super) struct Landing {
    depth: usize,
    block: Block,
}

impl Vm {
    /// The handler the interpreter will find for an exception raised at the
    /// bytecode being recorded, when the trace holds its frame (each inlined
    /// call is one real frame while recording) and no native caller or
    /// generator is in between.
    pub(super) fn landing_in_trace(&self, rec: &Recorder) -> Option<Landing> {
        if rec.in_gen.is_some()
            || rec.parents.iter().any(|p| p.in_gen.is_some())
            || rec.skip.is_some()
            || rec.frame.is_null()
        {
            return None;
        }
        let top = self.frames.len() - 1;
        for depth in 0..=rec.parents.len().min(top) {
            let f = &self.frames[top - depth];
            let ours = if depth == 0 {
                rec.frame
            } else {
                rec.parents[rec.parents.len() - depth].frame
            };
            if !std::ptr::eq(ours, &**f) {
                return None;
            }
            if let Some(&block) = f.blocks.last() {
                return Some(Landing { depth, block });
            }
            if f.is_entry || !f.generator.is_none() {
                return None;
            }
        }
        None
    }

    /// Unwinds the exception `e` (boxed) to `to` in the trace: `UNWIND`, whose
    /// exit resumes at the raising bytecode with its `pops` operands still on
    /// the stack, then the recorder's frames and stack as `handle_error`
    /// leaves the interpreter's. `fresh`: a new raise (see `Unwind`).
    pub(super) fn unwind_in_trace(
        &mut self,
        rec: &mut Recorder,
        pc: usize,
        e: Ref,
        (fresh, pops): (bool, usize),
        to: Landing,
    ) -> Ref {
        let top = self.frames.len() - 1;
        let mut entries = Vec::new();
        for d in 0..=to.depth {
            let f = &self.frames[top - d];
            if d > 0 || fresh {
                // (a re-raise adds no entry for the frame it is raised in)
                let at = if d == 0 { pc } else { f.pc.saturating_sub(1) };
                entries.push(TracebackEntry {
                    code: f.code.clone(),
                    line: f.code.line_of(at),
                    pc: at,
                    globals: f.globals,
                });
            }
            rec.consts.push(f.globals);
        }
        let root = to.depth == rec.parents.len();
        let unwind = Box::new(Unwind {
            entries,
            fresh,
            root_handler: root.then_some(to.block.handler),
        });
        let k = rec.k_int(&*unwind as *const Unwind as i64);
        rec.unwinds.push(unwind);
        let e = rec.guard(IrOp::CallG, Ty::Val, e, k, helpers::UNWIND, pc);
        let height = rec.stack.len().saturating_sub(pops);
        rec.stack.truncate(height);
        for _ in 0..to.depth {
            // (the frame an exception leaves returns nothing)
            rec.pop_parent();
        }
        if !root {
            rec.blocks.pop();
        }
        // (a handler whose `except` popped the exception raises below the
        // level of the cleanup block it set up: nothing to cut then)
        rec.stack.truncate(to.block.level as usize);
        rec.stack.push(e);
        rec.raise_caught = true;
        let _ = std::fmt::Write::write_fmt(
            &mut rec.bytecode_log,
            format_args!(
                "       caught at {} ({} frames out)\n",
                to.block.handler, to.depth
            ),
        );
        e
    }

    /// `raise e`, `raise`, `Reraise` or `ReraiseRestore` whose handler the trace holds:
    /// unwinds in the trace. Otherwise the reason the recording stops here.
    pub(super) fn record_caught_raise(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
        op: Op,
    ) -> Result<(), Abort> {
        let fresh = matches!(op, Op::Raise(1));
        let landing = self.landing_in_trace(rec).filter(|_| match op {
            Op::Raise(1) => self.is_exception_instance(fr.peek(0)),
            Op::Raise(0) => !self.handled.is_none(),
            _ => true,
        });
        let Some(to) = landing else {
            return Err(match op {
                Op::Raise(_) => super::RAISE.to_string(),
                _ => format!("bytecode {}", super::op_name(&op)),
            });
        };
        // (every guard here resumes at the raising bytecode: its operands
        // stay on the stack until `unwind_in_trace` has emitted them all)
        let n = rec.stack.len();
        let (e, pops) = match op {
            // a bare `raise`: the exception being handled
            Op::Raise(0) => (
                rec.guard(
                    IrOp::CallG,
                    Ty::Val,
                    Ref::NONE,
                    Ref::NONE,
                    helpers::EXC_HANDLED,
                    pc,
                ),
                0,
            ),
            Op::ReraiseRestore => {
                let prev = rec.stack[n.checked_sub(2).ok_or("stack underflow")?];
                let prev = rec.boxed(prev);
                // (an exit after it reruns the bytecode, which sets it again)
                rec.guard(
                    IrOp::CallG,
                    Ty::Val,
                    prev,
                    Ref::NONE,
                    helpers::EXC_RESTORE,
                    pc,
                );
                (rec.boxed(rec.stack[n - 1]), 2)
            }
            _ => {
                let e = *rec.stack.last().ok_or("stack underflow")?;
                (rec.boxed(e), 1)
            }
        };
        self.unwind_in_trace(rec, pc, e, (fresh, pops), to);
        Ok(())
    }

    /// `d[k]` of a pure key missing from the exact dict `d`, inside a `try`
    /// the trace holds (`try: v = d[k] except KeyError: ...`): `KEY_ERROR`
    /// (which leaves before the bytecode if the key is there after all) makes
    /// the KeyError, unwound in the trace. False when the trace does not hold
    /// the handler.
    pub(super) fn record_key_error(
        &mut self,
        rec: &mut Recorder,
        pc: usize,
    ) -> Result<bool, Abort> {
        let Some(to) = self.landing_in_trace(rec) else {
            return Ok(false);
        };
        let n = rec.stack.len();
        let (rd, rk) = (rec.stack[n - 2], rec.stack[n - 1]);
        let bk = rec.boxed(rk);
        let e = rec.guard(IrOp::CallG, Ty::Val, rd, bk, helpers::KEY_ERROR, pc);
        self.unwind_in_trace(rec, pc, e, (true, 2), to);
        Ok(true)
    }

    /// `PushExcInfo`, `PopExcept` and `CheckExcMatch`: the handler's bookkeeping
    /// of the exception being handled.
    pub(super) fn record_handler_op(
        &mut self,
        rec: &mut Recorder,
        pc: usize,
        op: Op,
    ) -> Result<(), Abort> {
        // (each guard resumes at the bytecode with its operands on the stack)
        let n = rec.stack.len();
        let top = *rec.stack.last().ok_or("stack underflow")?;
        match op {
            Op::PushExcInfo => {
                let e = rec.boxed(top);
                let prev = rec.guard(IrOp::CallG, Ty::Val, e, Ref::NONE, helpers::EXC_PUSH, pc);
                rec.stack[n - 1] = prev;
                rec.stack.push(e);
            }
            Op::PopExcept => {
                let prev = rec.boxed(top);
                rec.guard(
                    IrOp::CallG,
                    Ty::Val,
                    prev,
                    Ref::NONE,
                    helpers::EXC_RESTORE,
                    pc,
                );
                rec.pop()?;
            }
            Op::CheckExcMatch => {
                let ty = rec.boxed(top);
                let e = rec.stack[n.checked_sub(2).ok_or("stack underflow")?];
                let e = rec.boxed(e);
                let r = rec.guard(IrOp::CallG, Ty::Val, e, ty, helpers::EXC_MATCH, pc);
                rec.stack[n - 1] = r;
            }
            _ => return Err(format!("bytecode {}", super::op_name(&op))),
        }
        Ok(())
    }
}

impl Vm {
    /// Whether calling the class `cls` makes an exception without running
    /// Python code: a subclass of BaseException (not of an exception group)
    /// of metaclass `type` whose `__new__` and `__init__` are native.
    pub(super) fn native_exception_class(&self, cls: Value) -> bool {
        use crate::vm::call::is_builtin_fn;
        use crate::vm::types::lookup;
        if !crate::vm::types::is_type(cls)
            || self.type_of(cls) != self.types.type_
            || !self.is_subclass(cls, self.exc_class("BaseException"))
            || self.is_subclass(cls, self.exc_class("BaseExceptionGroup"))
        {
            return false;
        }
        let native = |name: &str| {
            let k = self.interned_str(name);
            k.is_some_and(|k| lookup(self, cls, k).is_none_or(is_builtin_fn))
        };
        native("__new__") && native("__init__")
    }

    /// `E()` or `E(arg)` of a `native_exception_class`: `NEW_EXCEPTION` under
    /// the class's identity and version guards (`raise ValueError(msg)`).
    pub(super) fn record_exception_call(
        &mut self,
        rec: &mut Recorder,
        cls: Value,
        argc: usize,
        pc: usize,
    ) -> Result<(), Abort> {
        let ObjData::Type(t) = &cls.obj().data else {
            return Err("not a class".into());
        };
        if rec.is_volatile(t) {
            return Err(format!("call of class '{}' (changing)", t.name));
        }
        let n = rec.stack.len();
        let rf = rec.stack[n - argc - 1];
        rec.consts.push(cls);
        rec.guard(IrOp::GuardIs, Ty::Void, rf, Ref::NONE, cls.0 as i64, pc);
        let layouts = self.jit.layouts;
        rec.guard_type_version(cls, t, &layouts, pc);
        let arg = match argc {
            0 => rec.k_val(Value::EMPTY),
            _ => {
                let a = rec.stack[n - 1];
                rec.boxed(a)
            }
        };
        let kc = rec.k_val(cls);
        let e = rec.guard(IrOp::CallA, Ty::Val, kc, arg, helpers::NEW_EXCEPTION, pc);
        rec.stack.truncate(n - argc - 1);
        rec.stack.push(e);
        Ok(())
    }
}

/// `UNWIND(e, unwind)`: what the interpreter's `handle_error` does to state the
/// trace does not keep itself; the exit sentinel (before any effect) when the
/// value is not an exception instance or the loop frame's block is not the
/// handler recorded.
pub(crate) fn unwind(vm: &mut Vm, e: Value, u: &Unwind) -> Option<()> {
    if u.fresh && !vm.is_exception_instance(e) {
        return None;
    }
    if let Some(h) = u.root_handler
        && vm.frames.last()?.blocks.last()?.handler != h
    {
        return None;
    }
    if u.fresh {
        vm.chain_context(e);
    }
    for entry in &u.entries {
        vm.add_traceback(e, entry.clone());
    }
    if u.root_handler.is_some() {
        vm.frames.last_mut()?.blocks.pop();
    }
    Some(())
}
