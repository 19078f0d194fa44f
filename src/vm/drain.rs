//! Generators drained by a builtin: `list(g)`, `tuple(g)`, `sorted(g)`,
//! `"".join(g)`, `set(g)` and `sum(g)` hand the generator a *sink* that its
//! `yield` feeds directly, so the generator's frame runs from start to end
//! without suspending once per item.
//!
//! Why: a genexpr consumed by a builtin is the commonest generator in
//! application code (`sum(x * x for x in xs)`, `set(v[i] + i for i in cols)`),
//! and suspending and resuming a frame per item costs more than the item. With
//! the sink the interpreter's `YieldValue` stores the value and goes on as if
//! `None` had been sent, and the JIT traces the generator's loop as a loop (the
//! yield is a `SINK_PUSH` helper call) instead of a trace that leaves at every
//! item.
//!
//! Nothing observable changes: a sink takes a value only when consuming it runs
//! no Python code (appending to the builtin's private list, adding a key whose
//! hash and equality are the builtin types', adding ints and floats), which is
//! exactly what the builtin would have done with the value after `next`
//! returned it. Any other value suspends the generator as usual and the builtin
//! consumes it the general way. The sink belongs to one frame (the drained
//! generator's), so generators the drained one iterates yield normally.

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::interp::Resumed;
use crate::vm::{PyResult, Vm};

/// What a sink does with a value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SinkKind {
    /// Append to the builtin's private list (`temp_roots[slot]`).
    List,
    /// Add a pure key to the exact set `temp_roots[slot]`.
    Set,
    /// `temp_roots[slot] = temp_roots[slot] + value` for ints, floats and bools.
    Sum,
    /// `any(g)`: drop a false value (the builtin would go on to the next), leave
    /// a true one to the builtin (which stops there, the generator suspended).
    Any,
    /// `all(g)`: drop a true value, leave a false one to the builtin.
    All,
}

/// The sink of the generator being drained.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GenSink {
    /// The drained generator's frame: only its own `yield`s feed the sink.
    frame: *const Frame,
    kind: SinkKind,
    /// Where in `temp_roots` the target (list, set or running sum) lives, so
    /// the collector sees it.
    slot: usize,
}

/// The most items a List sink holds: an endless generator stops with
/// MemoryError before the machine's memory does (as `collect_iter`).
pub(crate) const MAX_ITEMS: usize = (crate::vm::MAX_ALLOC_BYTES / 8) as usize;

/// Whether `v` is a generator object (not a coroutine or async generator) that
/// a sink may drain.
pub(crate) fn is_plain_generator(vm: &Vm, v: Value) -> bool {
    v.as_obj()
        .is_some_and(|o| matches!(o.data, ObjData::Generator(_)) && o.class() == vm.types.generator)
}

impl Vm {
    /// Runs generator `genv` to its end, feeding each item to a `kind` sink
    /// whose target is `temp_roots[slot]` where it can, and to `general` where
    /// it cannot (which returns false to stop there, the generator suspended).
    /// Returns what the generator returned, or None when `general` stopped.
    pub(crate) fn drain_generator(
        &mut self,
        genv: Value,
        kind: SinkKind,
        slot: usize,
        mut general: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
    ) -> PyResult<Option<Value>> {
        let frame = match &genv.obj().data {
            ObjData::Generator(g) => g.get().frame.as_deref().map(|f| f as *const Frame),
            _ => None,
        };
        self.temp_roots.push(genv);
        let saved = self.gen_sink.take();
        let r = (|| loop {
            self.gen_sink = frame.map(|frame| GenSink { frame, kind, slot });
            let step = self.gen_resume(genv, Value::NONE, None);
            // the general path may run Python code that drains other generators
            self.gen_sink = None;
            match step? {
                Resumed::Yielded(v) => {
                    if !general(self, v)? {
                        return Ok(None);
                    }
                }
                Resumed::Returned(v) => return Ok(Some(v)),
            }
        })();
        self.gen_sink = saved;
        self.temp_roots.pop();
        r
    }

    /// Whether the sink of `frame` (if it has one) takes `v` without running
    /// Python code; `sink_push` then stores it.
    pub(crate) fn sink_accepts(&self, frame: *const Frame, v: Value) -> bool {
        let Some(s) = self.gen_sink.filter(|s| std::ptr::eq(s.frame, frame)) else {
            return false;
        };
        let target = self.temp_roots[s.slot];
        match s.kind {
            SinkKind::List => {
                matches!(&target.obj().data, ObjData::List(l) if l.get().len() < MAX_ITEMS)
            }
            // (only an exact set gets a sink: see `update_internal`)
            SinkKind::Set => crate::jit::helpers::pure_key(self, v),
            SinkKind::Sum => self.is_plain_number(target) && self.is_plain_number(v),
            SinkKind::Any => self.pure_truth(v) == Some(false),
            SinkKind::All => self.pure_truth(v) == Some(true),
        }
    }

    /// What the sink of `frame` holds now (a running sum; the list or set),
    /// if `frame` has one.
    pub(crate) fn sink_target(&self, frame: *const Frame) -> Option<Value> {
        let s = self.gen_sink.filter(|s| std::ptr::eq(s.frame, frame))?;
        Some(self.temp_roots[s.slot])
    }

    /// The truth of `v` when finding it runs no Python code: None, bools, ints,
    /// floats, and exact strs, lists, tuples, dicts and sets.
    fn pure_truth(&self, v: Value) -> Option<bool> {
        if v.is_none() || v.is_bool() || v.is_small_int() || v.is_float() {
            return Some(
                !(v.is_none()
                    || v == Value::bool(false)
                    || v == Value::small_int(0)
                    || (v.is_float() && v.as_float() == 0.0)),
            );
        }
        let o = v.as_obj()?;
        if !self.is_builtin_exact(v) {
            return None;
        }
        match &o.data {
            ObjData::Str(s) => Some(!s.s.is_empty()),
            ObjData::List(l) => Some(!l.get().is_empty()),
            ObjData::Tuple(t) => Some(!t.is_empty()),
            ObjData::Dict(d) => Some(!d.get().is_empty()),
            ObjData::Set(s) => Some(!s.get().is_empty()),
            _ => None,
        }
    }

    /// Stores `v` in `frame`'s sink; false (and nothing done) when it does not
    /// take it.
    pub(crate) fn sink_push(&mut self, frame: *const Frame, v: Value) -> bool {
        if !self.sink_accepts(frame, v) {
            return false;
        }
        let s = self.gen_sink.expect("checked by sink_accepts");
        let target = self.temp_roots[s.slot];
        match s.kind {
            SinkKind::List => {
                if let ObjData::List(l) = &target.obj().data {
                    l.get().push(v);
                }
                true
            }
            SinkKind::Set => self.set_add(target, v).is_ok(),
            SinkKind::Any | SinkKind::All => true,
            SinkKind::Sum => match self.binary_op(crate::compiler::bytecode::BinOp::Add, target, v)
            {
                Ok(sum) => {
                    self.temp_roots[s.slot] = sum;
                    true
                }
                Err(_) => false,
            },
        }
    }

    /// An int, float or bool of the builtin types: adding two runs no Python
    /// code.
    fn is_plain_number(&self, v: Value) -> bool {
        if v.is_small_int() || v.is_float() || v.is_bool() {
            return true;
        }
        let t = self.type_of(v);
        t == self.types.int || t == self.types.float
    }
}
