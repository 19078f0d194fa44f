//! Calls inlined inside inlined generators: recorded only when they have no
//! effects, every guard in them leaving through the call site's snapshot.
//!
//! An exit inside an inlined generator rebuilds the loop's frame and the
//! generators' (`restore_generators`), never call frames above a generator,
//! so a call a generator makes (`l.subtotal` of a property, `f(x)`) used to
//! be a residual call: the callee ran in the interpreter at every item. A
//! call whose bytecodes change nothing outside its own frame (loads,
//! arithmetic, comparisons, calls of the same kind, building new objects)
//! can be left at any point and run again from its start: so every snapshot
//! taken inside it is the one taken at the call (`Recorder::snap`), and an
//! exit anywhere in it resumes the generator at the calling bytecode, which
//! the interpreter then runs whole. A bytecode that could have an effect
//! (a store, a residual call, a builtin that mutates, a loop over an
//! iterator someone else holds), like any other failure inside the call,
//! ends the recording and marks the callee: it is called from generators as
//! before (`Jit::impure_calls`), and inlined elsewhere as before.
//! `--jit-opt=-purecalls` turns this off.

use std::rc::Rc;

use crate::compiler::bytecode::Op;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::frame::Frame;

use super::{Abort, Recorder};

/// The abort reason for a bytecode with a possible effect inside a call
/// inlined in a generator.
pub(crate) const EFFECT_IN_GENERATOR_CALL: &str = "effect in a call inside an inlined generator";

/// `PureCall::snap` of a call entered without `check_inline_call`.
const NO_SNAPSHOT: u32 = u32::MAX;

/// A call being recorded inside an inlined generator (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct PureCall {
    /// The snapshot at the calling bytecode, which every guard inside uses.
    pub(super) snap: u32,
    /// `parents.len()` inside the call: returning below it ends it.
    pub(super) depth: usize,
    /// The callee's code address: a recording that fails inside the call
    /// marks it (`Jit::impure_calls`), not the loop.
    pub(crate) code: usize,
}

impl Recorder {
    /// `check_inline_depth` for a call about to be inlined at `pc` whose
    /// operands are still on the stack: inside an inlined generator, the call
    /// is recorded as a pure call (its snapshot taken now, used once the
    /// call is entered: `enter_inline`).
    pub(super) fn check_inline_call(&mut self, pc: usize, func: Value) -> Result<(), Abort> {
        let code = match func.as_obj().map(|o| &o.data) {
            Some(ObjData::Function(f)) => Rc::as_ptr(&f.code) as usize,
            _ => 0,
        };
        if self.in_gen.is_some()
            && self.pure_calls
            && code != 0
            && !self.impure_calls.contains(&code)
            && self.parents.len() < super::MAX_INLINE_DEPTH
        {
            self.pending_pure = Some(self.snap(pc));
            return Ok(());
        }
        self.check_inline_depth()
    }

    /// Called by `enter_inline` once the caller's state is saved: a call
    /// entered from an inlined generator starts a pure call.
    pub(super) fn start_pure_call(&mut self, from_generator: bool) {
        if !from_generator {
            return;
        }
        // (every call site that can inline from a generator asks
        // `check_inline_call` first; one that did not leaves no snapshot,
        // and the callee's first bytecode ends the recording)
        debug_assert!(
            self.pending_pure.is_some(),
            "a call inlined in a generator without check_inline_call"
        );
        let snap = self.pending_pure.take().unwrap_or(NO_SNAPSHOT);
        self.pure_call = Some(PureCall {
            snap,
            depth: self.parents.len(),
            code: Rc::as_ptr(&self.code) as usize,
        });
    }

    /// Called when an inlined frame is left: leaving the pure call's own
    /// frame ends it.
    pub(super) fn end_pure_call(&mut self) {
        if self.pure_call.is_some_and(|p| self.parents.len() < p.depth) {
            self.pure_call = None;
        }
    }
}

impl Vm {
    /// Err when `op`, at the top of `fr`, could have an effect outside the
    /// pure call being recorded (see the module docs). The bytecodes allowed
    /// are those whose recordings read, compute or make new objects; calls
    /// only of Python functions (inlined under the same rule, or residual,
    /// which `record_residual` refuses here) and of builtins that change
    /// nothing.
    pub(super) fn check_pure_op(&self, rec: &Recorder, fr: &Frame, op: Op) -> Result<(), Abort> {
        if rec.pure_call.is_some_and(|p| p.snap == NO_SNAPSHOT) {
            return Err("call in an inlined generator".into());
        }
        let top = |d: usize| fr.peek(d);
        let allowed = match op {
            Op::Nop
            | Op::FuncEntry
            | Op::LoadFast(_)
            | Op::StoreFast(_)
            | Op::LoadConst(_)
            | Op::LoadGlobal(_)
            | Op::LoadDeref(_)
            | Op::LoadAttr(_)
            | Op::LoadMethod(_)
            | Op::Binary(_)
            | Op::Compare(_)
            | Op::Unary(_)
            | Op::In(_)
            | Op::Is(_)
            | Op::BuildTuple(_)
            | Op::BuildList(_)
            | Op::Pop
            | Op::Rot2
            | Op::Rot3
            | Op::Dup
            | Op::Jump(_)
            | Op::PopJumpIfFalse(_)
            | Op::PopJumpIfTrue(_)
            | Op::JumpIfFalseOrPop(_)
            | Op::JumpIfTrueOrPop(_)
            | Op::Return => true,
            Op::Subscr => self.readable_container(top(1)),
            Op::UnpackSequence(_) => {
                self.is_builtin_exact(top(0))
                    && matches!(
                        top(0).as_obj().map(|o| &o.data),
                        Some(ObjData::Tuple(_) | ObjData::List(_))
                    )
            }
            Op::Call(argc) => self.pure_callee(top(argc as usize), argc as usize),
            Op::CallMethod(argc) => {
                let (m, slf) = (top(argc as usize + 1), top(argc as usize));
                if slf.is_empty() {
                    self.pure_callee(m, argc as usize)
                } else {
                    self.pure_callee(m, argc as usize + 1) || self.str_method(m, slf)
                }
            }
            _ => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(format!("{EFFECT_IN_GENERATOR_CALL} ({op:?})"))
        }
    }

    /// A container whose subscript only reads: an exact list, tuple, str or
    /// dict, or an instance (whose `__getitem__` is inlined under the same
    /// rule, or residual and refused).
    fn readable_container(&self, c: Value) -> bool {
        match c.as_obj().map(|o| &o.data) {
            Some(ObjData::List(_) | ObjData::Tuple(_) | ObjData::Str(_) | ObjData::Dict(_)) => {
                self.is_builtin_exact(c)
            }
            Some(ObjData::Instance(i)) => i.base_value.get().is_empty(),
            _ => false,
        }
    }

    /// A callee that changes nothing by itself: a Python function (its body
    /// is checked as it is recorded), or a builtin function that only reads
    /// its arguments (not one that iterates them: an iterator someone else
    /// holds would advance).
    fn pure_callee(&self, f: Value, argc: usize) -> bool {
        match f.as_obj().map(|o| &o.data) {
            Some(ObjData::Function(_)) => true,
            Some(ObjData::BoundMethod { func, .. }) => {
                matches!(func.as_obj().map(|o| &o.data), Some(ObjData::Function(_)))
            }
            Some(ObjData::Builtin(b)) if b.bound.is_empty() && b.owner.is_empty() => {
                matches!(
                    b.name,
                    "len"
                        | "abs"
                        | "isinstance"
                        | "round"
                        | "repr"
                        | "str"
                        | "int"
                        | "float"
                        | "bool"
                        | "ord"
                        | "chr"
                        | "divmod"
                        | "pow"
                ) || (matches!(b.name, "min" | "max") && argc >= 2)
            }
            _ => false,
        }
    }

    /// A method of str called on a str (strs never change).
    fn str_method(&self, m: Value, slf: Value) -> bool {
        matches!(slf.as_obj().map(|o| &o.data), Some(ObjData::Str(_)))
            && matches!(m.as_obj().map(|o| &o.data),
                Some(ObjData::Builtin(b)) if b.owner == self.types.str)
    }
}
