//! Residual calls of Python functions whose entry trace is compiled: the
//! callee's frame is made and its trace entered at once.
//!
//! A trace calls what it could not inline (a method whose loops branch, a
//! recursive function) through its residual site (`jit::residual`). Through
//! the interpreter's generic path such a call passed nine Rust functions
//! before reaching the callee's machine code (`call`, `call_kw`, `run_frame`,
//! the entry trace's driver and the loop header's recording checks), each
//! with checks that cannot apply: no recording is in progress while a trace
//! runs, the callee is a plain function whose parameters the arguments fill
//! exactly. Here the site finds the callee's entry tree once, makes its frame
//! and runs the tree (PyPy's call_assembler is the model: the frame is still
//! made, so an exit anywhere in the callee resumes in the interpreter as
//! before, and a trace that leaves at the callee's `return` hands the value
//! back without writing the frame: `Vm::run_entry_trace`).

use crate::compiler::bytecode::{ENTRY_SLOT, JitState};
use crate::jit::key_of;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `callee(*args)`, called by a residual `Call` or `CallMethod`.
    pub(crate) fn call_from_trace(&mut self, callee: Value, args: &[Value]) -> PyResult<Value> {
        match self.compiled_callee(callee, args.len()) {
            Some(root) => self.call_compiled(callee, root, args),
            None => self.call(callee, args),
        }
    }

    /// The entry tree of `callee` when it is a Python function taking exactly
    /// `n` positional arguments whose entry trace is compiled and enabled.
    fn compiled_callee(&self, callee: Value, n: usize) -> Option<u32> {
        let ObjData::Function(func) = &callee.as_obj()?.data else {
            return None;
        };
        let code = &func.code;
        if !(code.entry_jit_state.get() == JitState::Compiled
            && code.takes_exactly(n)
            && code.has_entry()
            && self.jit.enabled
            && self.jit.recording.is_none())
        {
            return None;
        }
        let root = *self.jit.roots.get(&key_of(code, ENTRY_SLOT))?;
        self.jit
            .traces
            .get(&root)
            .is_some_and(|t| !t.disabled)
            .then_some(root)
    }

    /// `call_kw`'s plain-function call and `run_frame`, entering tree `root`
    /// (the callee's entry tree, from `compiled_callee`).
    fn call_compiled(&mut self, callee: Value, root: u32, args: &[Value]) -> PyResult<Value> {
        self.check_native_stack()?;
        let ObjData::Function(func) = &callee.obj().data else {
            unreachable!("compiled_callee found a function")
        };
        let mut frame = self.plain_call_frame(callee, func, args)?;
        frame.is_entry = true;
        self.push_frame(frame)?;
        self.jit.stats.compiled_calls += 1;
        self.native_depth += 1;
        let r = self.run_entry_trace(Some(root));
        self.native_depth -= 1;
        r
    }
}
