//! Residual calls: a bytecode the recorder has no specialization for runs inside
//! the trace as a call (`callr`) of the interpreter's own implementation, so the
//! trace goes on instead of ending at it.
//!
//! Design. Each such bytecode becomes a *site*. The common ones (binary ops,
//! comparisons, subscripts, attributes, calls, tuple/list/slice building, `iter`,
//! unpacking) run as the functions their interpreter arms call (`run_direct`);
//! the rest as a two- or three-instruction code object sharing the original's
//! names and constants (`[op, Return]`, or with a `BuildTuple` packing several
//! results), run on a fresh frame whose stack holds the op's inputs, through the
//! dispatch loop that runs everything else. Either way the operation is exactly
//! the interpreter's: dunder methods, calls into Python code, errors and all. Up
//! to three inputs are passed (`a`, `b`, and the deepest of three through
//! `STASH`); more are read from the snapshot: `callr` writes its snapshot's values
//! home and stores its site and exit code at `RESIDUAL_EXIT_SLOT` first. That
//! is also how the collector, which may now run inside the call, finds every value
//! the trace holds for the interpreter (`Jit::trace_roots`): by construction a
//! snapshot names everything the interpreter could still use.
//!
//! Effects and exits. The call may have effects, so it is the last thing before
//! its own exit (its snapshot is the state before the bytecode): it only returns
//! the exit sentinel before doing anything (a callee that reads its caller's frame,
//! such as `locals()`, which the scratch frame could not answer), or after the
//! bytecode finished abnormally, where re-running it would repeat its effects: an
//! exception is kept in `Jit::pending_raise` and raised at the bytecode once the
//! exit has rebuilt the frames; an exhausted iterator (`ForIter`) is kept in
//! `Jit::pending_jump` and the exit pops it and jumps past the loop. Such exits
//! never grow side traces.

use std::rc::Rc;

use smallvec::SmallVec;

use guards::{EXIT_SENTINEL, ir::RESIDUAL_EXIT_SLOT};

use guards::{Op as IrOp, Ref, Ty};

use crate::compiler::bytecode::{Code, Op, flags};
use crate::jit::helpers;
use crate::jit::record::{Recorder, ResidualWait};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

type Abort = String;

/// One bytecode that traces run through the interpreter.
pub struct Site {
    /// The bytecode (as the site runs it: see `Shape::op`).
    pub op: Op,
    /// The name the op's operand names (attribute ops).
    pub name: Value,
    /// `[op, Return]` or `[op, BuildTuple(n), Return]`, for ops without a direct
    /// form (`run_direct`).
    pub code: Option<Rc<Code>>,
    pub globals: Value,
    pub locals: Value,
    /// Where the inputs are on the stack, as depths below its top, deepest first.
    pub inputs: Vec<u32>,
    /// `Call`-like: the depth of the callee (checked for frame readers).
    pub callee: Option<u32>,
    /// `ForIter`'s jump target (the site then calls `next` itself).
    pub for_iter_target: Option<usize>,
    /// The op and the types it saw when recorded (`--jit-stats`' `residual_sites`).
    pub what: String,
    /// Calls made.
    pub calls: u64,
}

/// `op` with the types of the inputs the recorder saw, e.g. `Subscr(list,slice)`,
/// `CallMethod(builtin_function_or_method insert)`: what a specialization would
/// have to cover.
fn describe(vm: &Vm, op: Op, inputs: &[Value], name: Value) -> String {
    let types: Vec<String> = inputs
        .iter()
        .map(|&v| match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Builtin(b)) => format!("{}()", b.name),
            Some(ObjData::Function(f)) => format!("{}()", crate::vm::str_of(*f.qualname.get())),
            _ if v.is_empty() => "-".to_string(),
            _ => vm.type_name(v).to_string(),
        })
        .collect();
    // (the operator of an operation; not the operands' counts or targets)
    let op = match op {
        Op::Binary(b) | Op::InplaceBinary(b) => format!("{b:?}"),
        Op::Compare(c) => format!("{c:?}"),
        _ => crate::jit::record::op_name(&op),
    };
    if name.is_none() {
        format!("{op}({})", types.join(","))
    } else {
        format!("{op}({}.{})", types.join(","), crate::vm::str_of(name))
    }
}

/// How a bytecode runs as a residual call: the stack depths of its inputs, how
/// many values it pops and pushes, and the op the site runs (the same op, except
/// for container updates, whose container moves next to the item, and
/// `LoadMethod`, run as `LoadAttr`).
pub(crate) struct Shape {
    pub inputs: Vec<u32>,
    /// Values the site returns (several: packed in a tuple).
    pub outputs: u32,
    pub op: Op,
    /// Values the bytecode removes from the top of the stack (`ListAppend(d)`
    /// only the item: the container stays; `ForIter` none: the iterator stays).
    pub pops: u32,
    pub callee: Option<u32>,
}

/// Inputs at depths `n-1 .. 0`.
fn top(n: u32) -> Vec<u32> {
    (0..n).rev().collect()
}

/// The residual form of `op`, or None when it must be recorded otherwise (frame
/// state: locals, cells, handlers, jumps, returns, yields).
pub(crate) fn shape(op: Op) -> Option<Shape> {
    let plain = |inputs: Vec<u32>, outputs: u32| Shape {
        pops: inputs.len() as u32,
        inputs,
        outputs,
        op,
        callee: None,
    };
    let call = |n: u32| Shape {
        inputs: top(n),
        outputs: 1,
        op,
        pops: n,
        callee: Some(n - 1),
    };
    let update = |d: u32, op: Op| Shape {
        inputs: vec![d, 0],
        outputs: 0,
        op,
        pops: 1,
        callee: None,
    };
    Some(match op {
        Op::LoadMethod(n) => Shape {
            op: Op::LoadAttr(n),
            ..plain(top(1), 1)
        },
        Op::ForIter(_) => Shape {
            pops: 0,
            ..plain(top(1), 1)
        },
        Op::Binary(_) | Op::InplaceBinary(_) | Op::Compare(_) | Op::Is(_) | Op::In(_) => {
            plain(top(2), 1)
        }
        Op::Unary(_) | Op::GetIter | Op::ListToTuple | Op::LoadAttr(_) => plain(top(1), 1),
        Op::Subscr => plain(top(2), 1),
        Op::StoreSubscr => plain(top(3), 0),
        Op::DeleteSubscr | Op::StoreAttr(_) => plain(top(2), 0),
        Op::DeleteAttr(_) => plain(top(1), 0),
        Op::UnpackSequence(n) if (2..=16).contains(&n) => plain(top(1), n),
        Op::UnpackSequence(1) => plain(top(1), 1),
        // `a, *b = xs`: before + the starred list + after
        Op::UnpackEx(spec) if (spec & 0xFFFF) + (spec >> 16) < 16 => {
            plain(top(1), (spec & 0xFFFF) + (spec >> 16) + 1)
        }
        Op::FormatValue(fl) => plain(top(1 + u32::from(fl & 4 != 0)), 1),
        Op::BuildTuple(n) | Op::BuildList(n) | Op::BuildSet(n) | Op::BuildString(n) if n <= 32 => {
            plain(top(n), 1)
        }
        Op::BuildSlice(n) if n <= 3 => plain(top(n), 1),
        Op::BuildMap(n) if n <= 16 => plain(top(2 * n), 1),
        Op::LoadBuildClass => plain(Vec::new(), 1),
        // (match, async and except* ops; the first keep their inputs and push one
        // result, PrepReraiseStar keeps its deeper input)
        Op::MatchSequence | Op::MatchMapping | Op::GetLen | Op::GetANext | Op::MatchKeys => Shape {
            pops: 0,
            ..plain(top(if op == Op::MatchKeys { 2 } else { 1 }), 1)
        },
        Op::PrepReraiseStar => Shape {
            pops: 1,
            ..plain(top(2), 1)
        },
        Op::MatchClass(_) => plain(top(3), 1),
        Op::CopyDictWithout => plain(top(2), 1),
        Op::Rot(n) if (2..=16).contains(&n) => plain(top(n), n),
        Op::GetAwaitable(_) | Op::GetAIter | Op::AsyncGenWrap => plain(top(1), 1),
        Op::BeforeWith | Op::BeforeAsyncWith => plain(top(1), 2),
        Op::MakeFunction(_, fl) => plain(top((fl & 15).count_ones()), 1),
        Op::Call(n) if n <= 30 => call(n + 1),
        Op::CallMethod(n) | Op::CallKw(n) if n <= 30 => call(n + 2),
        Op::CallEx(fl) if fl <= 1 => call(2 + fl),
        Op::ListAppend(d) if d >= 1 => update(d, Op::ListAppend(1)),
        Op::SetAdd(d) if d >= 1 => update(d, Op::SetAdd(1)),
        // (a key and a value: the dict moves next to them)
        Op::MapAdd(d) if d >= 1 => Shape {
            inputs: vec![d + 1, 1, 0],
            outputs: 0,
            op: Op::MapAdd(1),
            pops: 2,
            callee: None,
        },
        Op::GetYieldFromIter => plain(top(1), 1),
        Op::ListExtend(d) if d >= 1 => update(d, Op::ListExtend(1)),
        Op::SetUpdate(d) if d >= 1 => update(d, Op::SetUpdate(1)),
        Op::DictUpdate(d) if d >= 1 => update(d, Op::DictUpdate(1)),
        // (the callee two below the dict names itself in duplicate keyword errors)
        Op::DictMerge(d) if d >= 1 => Shape {
            inputs: vec![d + 2, d + 1, d, 0],
            ..update(d, Op::DictMerge(1))
        },
        _ => return None,
    })
}

/// The code object a site runs: `op` as the only real instruction of `code` (same
/// names, constants and nested code objects), its results returned (several
/// packed in a tuple).
pub(crate) fn site_code(code: &Code, op: Op, pc: usize, outputs: u32) -> Rc<Code> {
    let mut consts = code.consts.clone();
    let mut ops = vec![op];
    match outputs {
        0 => {
            ops.push(Op::LoadConst(consts.len() as u32));
            consts.push(Value::NONE);
        }
        1 => {}
        n => ops.push(Op::BuildTuple(n)),
    }
    ops.push(Op::Return);
    let n = ops.len();
    let line = code.lines.get(pc).copied().unwrap_or(code.firstlineno);
    let pos = code.positions.get(pc).copied().unwrap_or_default();
    Rc::new(Code {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        filename: code.filename.clone(),
        firstlineno: code.firstlineno,
        ops,
        lines: vec![line; n],
        positions: vec![pos; n],
        line_starts: code.line_starts.clone(),
        consts,
        names: code.names.clone(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell_args: Vec::new(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: code.flags & !(flags::GENERATOR | flags::VARARGS | flags::VARKEYWORDS),
        codes: code.codes.clone(),
        loop_counters: Vec::new(),
        entry_counter: Default::default(),
        entry_jit_state: Default::default(),
        loop_jit_states: Vec::new(),
        source: code.source.clone(),
        doc: Value::NONE,
        attr_ic: (0..n).map(|_| Default::default()).collect(),
        global_ic: (0..n).map(|_| Default::default()).collect(),
        live_locals: Default::default(),
        interned_names: Default::default(),
        dispatch_counts: Default::default(),
    })
}

/// Builtins that read their caller's frame (its locals, its globals, or its first
/// argument and `__class__` cell, as `super()` does): a residual call has no frame
/// of the bytecode's own to answer them (an inlined call's exists only in the
/// trace).
fn reads_caller_frame(vm: &Vm, f: Value) -> bool {
    f == vm.types.super_
        || matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Builtin(b))
        if b.bound.is_empty()
            && matches!(
                b.name,
                "locals" | "vars" | "dir" | "eval" | "exec" | "super" | "breakpoint"
                    | "globals" | "__import__" | "namedtuple" | "_getframe"
            ))
}

/// The calls of a residual site at which its callee is looked at again
/// (`Vm::tree_to_retire`): these powers of two.
const RECONSIDER_CALLS: u64 = 64 | 128 | 256 | 512 | 1024 | 2048 | 4096;

/// Inputs as the stack held them, deepest first.
type Inputs = SmallVec<[Value; 6]>;

impl Vm {
    /// Runs the residual site whose `callr` just stored its word at
    /// `RESIDUAL_EXIT_SLOT`; `a` and `b` are its first two inputs (when it has at
    /// most two; more come from the exit's snapshot). The result (as a raw value,
    /// several packed in a tuple), or the exit sentinel (see the module docs for
    /// when, and what it leaves behind).
    pub(crate) fn run_residual(&mut self, a: Value, b: Value) -> u64 {
        let word = self.jit.vals[self.jit.window + RESIDUAL_EXIT_SLOT];
        let (index, exit) = ((word >> 32) as usize, word & 0xFFFF_FFFF);
        if !self.jit.retire.is_empty() && self.retiring(exit) {
            // a tree to record again leaves here, before the call, which the
            // interpreter makes (see `tree_to_retire`)
            return EXIT_SENTINEL;
        }
        let Some(site) = self.jit.sites.get_mut(index) else {
            return EXIT_SENTINEL;
        };
        site.calls += 1;
        let site = &self.jit.sites[index];
        let inputs: Inputs = match site.inputs.len() {
            0 => Inputs::new(),
            1 => smallvec::smallvec![a],
            2 => smallvec::smallvec![a, b],
            3 => smallvec::smallvec![helpers::stashed(), a, b],
            _ => match self.residual_inputs(exit, index) {
                Some(inputs) => inputs,
                None => return EXIT_SENTINEL,
            },
        };
        if site
            .callee
            .is_some_and(|d| reads_caller_frame(self, inputs[inputs.len() - 1 - d as usize]))
        {
            return EXIT_SENTINEL;
        }
        let (op, name, target) = (site.op, site.name, site.for_iter_target);
        // (one test on the hot path: the calls are a power of two in range)
        if site.calls & (site.calls - 1) | site.calls & !RECONSIDER_CALLS == 0
            && let Some(d) = site.callee
            && let Some(tree) = self.tree_to_retire(inputs[inputs.len() - 1 - d as usize], exit)
            && !self.jit.retire.contains(&tree)
        {
            self.jit.retire.push(tree);
        }
        self.jit.stats.residual_calls += 1;
        self.jit.residual_calls.push(crate::jit::ResidualCall {
            exit,
            window: self.jit.window,
            depth: self.frames.len(),
        });
        let r = match &site.code {
            Some(code) => {
                let (code, globals, locals) = (code.clone(), site.globals, site.locals);
                let mut frame = self.new_frame(code, globals, locals, Value::NONE);
                frame.slots.extend_from_slice(&inputs);
                self.run_frame(frame)
            }
            None if target.is_some() => self.next(inputs[0]).map(|v| v.unwrap_or(Value::EMPTY)),
            None => self.run_direct(op, name, &inputs),
        };
        self.jit.residual_calls.pop();
        match r {
            Ok(v) if v.is_empty() => {
                // an exhausted iterator: the exit pops it and jumps past the loop
                self.jit.pending_jump = target;
                EXIT_SENTINEL
            }
            Ok(v) => v.0,
            Err(e) => {
                // the scratch frame's traceback entry: the exit's frame adds the
                // real one when the exception is raised there
                if let (Some(code), Some(st)) = (&self.jit.sites[index].code, self.exc_state(e.0))
                    && st
                        .traceback
                        .last()
                        .is_some_and(|tb| Rc::ptr_eq(&tb.code, code))
                {
                    st.traceback.pop();
                }
                self.jit.pending_raise = Some(e.0);
                EXIT_SENTINEL
            }
        }
    }

    /// A residual call of a function with loops, which the recording could
    /// not inline: once the function's own trace has shown that its loops
    /// run the same way every time (`Vm::single_path_function`), the tree
    /// making the call (returned) is recorded again, inlining it: its runs
    /// leave at their next residual call (a loop trace may have no other
    /// exit) and `run_trace` drops it there. (A caller's loop often gets hot
    /// before its callee's entry trace exists: pystone's `Proc0` before
    /// `Func2`.)
    #[cold]
    #[inline(never)]
    fn tree_to_retire(&self, callee: Value, exit: u64) -> Option<u32> {
        let has_loops = self
            .function(callee)
            .is_some_and(|f| !f.code.loop_counters.is_empty());
        if !has_loops || !self.inlinable(callee) {
            return None;
        }
        let (id, _) = crate::jit::driver::split_exit(exit as u32);
        Some(self.tree_root(id))
    }

    /// Whether the trace of exit code `exit` is in a tree `Jit::retire` lists.
    #[cold]
    #[inline(never)]
    fn retiring(&self, exit: u64) -> bool {
        let (id, _) = crate::jit::driver::split_exit(exit as u32);
        self.jit.retire.contains(&self.tree_root(id))
    }

    /// The common bytecodes, as the functions their interpreter arms call.
    fn run_direct(&mut self, op: Op, name: Value, x: &[Value]) -> PyResult<Value> {
        let none = Ok(Value::NONE);
        match op {
            Op::Binary(b) => self.binary_op(b, x[0], x[1]),
            Op::InplaceBinary(b) => self.inplace_op(b, x[0], x[1]),
            Op::Compare(c) => self.compare(c, x[0], x[1]),
            Op::In(invert) => Ok(Value::bool(self.contains(x[1], x[0])? != invert)),
            Op::Subscr => self.getitem(x[0], x[1]),
            Op::StoreSubscr => self.setitem(x[1], x[2], x[0]).and(none),
            Op::DeleteSubscr => self.delitem(x[0], x[1]).and(none),
            Op::LoadAttr(_) => self.getattr(x[0], name),
            Op::StoreAttr(_) => self.setattr_interned(x[1], name, x[0]).and(none),
            Op::Call(_) => self.call_from_trace(x[0], &x[1..]),
            Op::CallMethod(_) if x[1].is_empty() => self.call_from_trace(x[0], &x[2..]),
            Op::CallMethod(_) => self.call_from_trace(x[0], &x[1..]),
            Op::BuildTuple(_) => Ok(self.new_tuple_from(x)),
            Op::BuildList(_) => Ok(self.new_list(x.to_vec())),
            Op::BuildSlice(_) => {
                let step = x.get(2).copied().unwrap_or(Value::NONE);
                let data = ObjData::Slice {
                    start: x[0],
                    stop: x[1],
                    step,
                };
                Ok(self.alloc(self.types.slice, data))
            }
            Op::GetIter => self.iter(x[0]),
            // displays with `*`/`**`: the container, then the iterable or mapping
            Op::ListExtend(_) => self.list_extend_op(x[0], x[1]).and(none),
            Op::SetUpdate(_) => crate::builtins::set::set_update(self, x[0], x[1]).and(none),
            Op::DictUpdate(_) => self.dict_update_op(x[0], x[1]).and(none),
            Op::UnpackSequence(n) => {
                // packed as the stack will hold them: the first item on top
                let mut items = self.unpack(x[0], n as usize)?;
                items.reverse();
                Ok(self.new_tuple(items))
            }
            Op::UnpackEx(spec) => {
                // (several results packed in a tuple; one, `[*xs] = s`, as it is)
                let vals = self.unpack_ex(x[0], spec)?;
                match vals[..] {
                    [one] => Ok(one),
                    _ => Ok(self.new_tuple(vals)),
                }
            }
            _ => unreachable!("no direct form: {op:?}"),
        }
    }

    /// The boxed inputs of site `index` from the snapshot of exit code `exit`.
    fn residual_inputs(&self, exit: u64, index: usize) -> Option<Inputs> {
        // (also where every input is, written home by the `callr`)
        let (id, snap) = crate::jit::driver::split_exit(exit as u32);
        let t = self.jit.traces.get(&id)?;
        let s = t.trace.snapshots.get(snap as usize)?;
        let own = &self.jit.vals[self.jit.window + t.vals_base..];
        let site = self.jit.sites.get(index)?;
        let n = s.stack.len();
        let mut inputs = Inputs::new();
        for &d in &site.inputs {
            let r = *s.stack.get(n.checked_sub(1 + d as usize)?)?;
            // (the recorder made every sunk object on the stack before the
            // call: `Recorder::make_on_stack`)
            debug_assert!(!t.trace.is_sunk(r));
            inputs.push(Value(deopt::box_ref(&t.trace, r, own)));
        }
        Some(inputs)
    }
}

impl Vm {
    /// Records `op` (at `pc` of `fr`, the frame being recorded) as a residual call
    /// of the interpreter, which then runs the bytecode itself while the recorder
    /// waits for it (`Recorder::residual`).
    pub(crate) fn record_residual(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
        op: Op,
    ) -> Result<(), Abort> {
        if rec.pure_call.is_some() {
            // (it could have any effect: see `pure_calls`)
            return Err(crate::jit::record::pure_calls::EFFECT_IN_GENERATOR_CALL.into());
        }
        let shape = shape(op).ok_or("no residual form")?;
        let method = matches!(op, Op::LoadMethod(_));
        let deepest = shape.inputs.first().map_or(0, |&d| d as usize + 1);
        if rec.stack.len() < deepest || fr.stack_len() < deepest {
            return Err("stack underflow".into());
        }
        if shape
            .callee
            .is_some_and(|d| reads_caller_frame(self, fr.peek(d as usize)))
        {
            // it would leave the trace every time (see `run_residual`); in an
            // inlined call, the function is called instead of inlined next time
            return Err("call of a builtin that reads its caller's frame".into());
        }
        let for_iter_target = match op {
            Op::ForIter(t) => Some(t as usize),
            _ => None,
        };
        let direct = matches!(
            shape.op,
            Op::Binary(_)
                | Op::InplaceBinary(_)
                | Op::Compare(_)
                | Op::In(_)
                | Op::Subscr
                | Op::StoreSubscr
                | Op::DeleteSubscr
                | Op::LoadAttr(_)
                | Op::StoreAttr(_)
                | Op::Call(_)
                | Op::CallMethod(_)
                | Op::BuildTuple(_)
                | Op::BuildList(_)
                | Op::GetIter
        ) || matches!(shape.op, Op::BuildSlice(2 | 3))
            || matches!(shape.op, Op::UnpackSequence(n) if n >= 2)
            || matches!(
                shape.op,
                Op::UnpackEx(_) | Op::ListExtend(_) | Op::SetUpdate(_) | Op::DictUpdate(_)
            );
        let name = match shape.op {
            Op::LoadAttr(n) | Op::StoreAttr(n) => fr.code.names[n as usize],
            _ => Value::NONE,
        };
        let seen: Vec<Value> = shape.inputs.iter().map(|&d| fr.peek(d as usize)).collect();
        let what = describe(self, shape.op, &seen, name);
        self.jit.sites.push(Site {
            op: shape.op,
            name,
            code: (for_iter_target.is_none() && !direct)
                .then(|| site_code(&fr.code, shape.op, pc, shape.outputs)),
            globals: fr.globals,
            locals: fr.locals,
            inputs: shape.inputs.clone(),
            callee: shape.callee,
            for_iter_target,
            what,
            calls: 0,
        });
        let index = self.jit.sites.len() - 1;
        // up to three inputs are passed (the deepest of three through `STASH`),
        // the others read from the snapshot
        let mut args = [Ref::NONE; 2];
        let n = rec.stack.len();
        let passed: &[u32] = match shape.inputs.len() {
            3 => {
                let r = rec.stack[n - 1 - shape.inputs[0] as usize];
                let b = rec.boxed(r);
                rec.guard(IrOp::CallG, Ty::Val, b, Ref::NONE, helpers::STASH, pc);
                &shape.inputs[1..]
            }
            0..=2 => &shape.inputs,
            _ => &[],
        };
        for (arg, &d) in args.iter_mut().zip(passed) {
            let r = rec.stack[n - 1 - d as usize];
            *arg = rec.boxed(r);
        }
        let s = rec.snap(pc);
        let r = rec.trace.emit(
            IrOp::CallR,
            Ty::Val,
            args[0],
            args[1],
            index as i64,
            Some(s),
        );
        let n = rec.stack.len();
        rec.stack.truncate(n - shape.pops as usize);
        match shape.outputs {
            0 => {}
            1 => rec.stack.push(r),
            outputs => {
                // unpacked from the tuple the site packed them in (an exact tuple:
                // these never exit)
                for i in 0..outputs {
                    let ki = rec.k_int(i as i64);
                    let bi = rec.boxed(ki);
                    let item = rec.guard(IrOp::CallG, Ty::Val, r, bi, helpers::SEQ_GET, pc);
                    rec.stack.push(item);
                }
            }
        }
        let mut pushes = shape.outputs as usize;
        if method {
            // `obj.name` bound, called as `[bound, EMPTY, args...]` by CallMethod
            let empty = rec.k_val(Value::EMPTY);
            rec.stack.push(empty);
            rec.residual_methods.push(rec.stack.len());
            pushes += 1;
        }
        rec.residual = Some(ResidualWait::new(
            self.frames.len(),
            pc + 1,
            fr.stack_len() - shape.pops as usize + pushes,
        ));
        Ok(())
    }
}

/// A frame a residual call in progress holds inlined: no interpreter frame
/// exists for it, but `sys._getframe` shows it where the call stands.
pub struct InlinedFrame {
    pub code: Rc<Code>,
    /// As an interpreter frame's: past the bytecode running.
    pub pc: usize,
    pub globals: Value,
}

impl Vm {
    /// For each residual call in progress: the index of the interpreter frame
    /// its trace runs on, that frame's pc (the trace does not keep the
    /// frame's own up to date), and the frames inlined above it, outermost
    /// first: calls' and generators' (a generator's real frame is not on the
    /// interpreter's stack while a trace runs it inline).
    pub fn frames_inlined_in_residual_calls(&self) -> Vec<(usize, usize, Vec<InlinedFrame>)> {
        let mut out = Vec::new();
        for call in &self.jit.residual_calls {
            let (id, snap) = crate::jit::driver::split_exit(call.exit as u32);
            let Some(t) = self.jit.traces.get(&id) else {
                continue;
            };
            let Some(s) = t.trace.snapshots.get(snap as usize) else {
                continue;
            };
            if call.depth == 0 {
                continue;
            }
            if s.pc & crate::jit::record::RESUME_FLAG == 0 {
                // the call is in the trace's own frame, whose pc the trace
                // does not keep up to date
                out.push((call.depth - 1, s.pc as usize + 1, Vec::new()));
                continue;
            }
            let Some(rp) = t
                .resume
                .get((s.pc & !crate::jit::record::RESUME_FLAG) as usize)
            else {
                continue;
            };
            let root_globals = self
                .frames
                .get(call.depth - 1)
                .map_or(Value::NONE, |f| f.globals);
            let own = &self.jit.vals[call.window + t.vals_base..];
            // the snapshot's refs in `restore_inlined`'s order: the root's
            // stack, then per frame its function (when not a constant), its
            // instance, its operands, its locals and its stack
            let mut refs = s.stack.iter().copied().skip(rp.frames[0].nstack);
            let mut frames = Vec::new();
            for f in &rp.frames[1..] {
                let mut func = f.func;
                if f.func_in_snapshot {
                    match refs.next() {
                        Some(r) if !t.trace.is_sunk(r) => {
                            func = Value(deopt::box_ref(&t.trace, r, own));
                        }
                        _ => {}
                    }
                }
                let skip = usize::from(f.init_self)
                    + if f.binop.is_some() { 2 } else { 0 }
                    + f.nlocals
                    + f.nstack;
                refs.by_ref().take(skip).for_each(drop);
                let globals = self
                    .function(func)
                    .map_or(root_globals, |func| func.globals);
                frames.push(InlinedFrame {
                    code: f.code.clone(),
                    pc: f.pc,
                    globals,
                });
            }
            if let Some(last) = frames.last_mut() {
                // (the innermost stands at the call, not past it as a
                // caller's pc does)
                last.pc += 1;
            }
            out.push((call.depth - 1, rp.frames[0].pc, frames));
        }
        out
    }
}
