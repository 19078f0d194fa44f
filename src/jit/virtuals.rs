//! Objects a trace never allocates (PyPy's virtuals): class calls' instances,
//! tuple and list displays and bound methods, which live only in the recorder
//! until something needs them for real.
//!
//! Why: `(v1 + v2) * s` with `__add__` and `__mul__` inlined makes an instance
//! per operator, each filled by its `__init__` and read once by the next
//! operator; `q, r = divmod2(a, b)` packs a tuple only to unpack it; `f(a,
//! *rest)` builds a list and a tuple only to spread them over parameters. In a
//! trace the recorder knows every attribute or item such an object has (they
//! are refs it stored), so reading one is that ref and the object itself need
//! exist only where the trace leaves. A *virtual* is a handle (a `sinka`, so no
//! op but snapshots may name it) with its `Kind` and its fields' refs.
//! `__init__`'s stores, attribute loads, method lookups, inlined calls and
//! operator dunders work on an instance; unpacking, constant indexes and
//! `len()` on a tuple or list; appends and extends on a list; calls on a bound
//! method. A snapshot names the object's current state (a `sinka` chain
//! emitted when the fields changed: `virtual_state`), which an exit makes
//! (`sunk::Maker`). Anything else that takes one (a residual call, a store into
//! a real object, a loop's end that reads it next time) has it made for real
//! first (`materialize`), and every ref to the handle then names the made
//! object (`rename`).
//!
//! The IR form of an instance's state, read by `sunk::Maker` and rebuilt by
//! side traces: `sinka(class, shape_node) NEW_INSTANCE`, where `shape_node` is
//! `sinka(field0, rest)` whose imm is the `&'static Shape` (no helper has an
//! index that large) and `rest` the other fields as `PARTS` nodes, in slot
//! order. Tuples and lists are their helpers' `sinka`s over the items
//! (`Recorder::emit_seq`), a bound method `sinka(function, self) NEW_BOUND`.

use guards::{Op as IrOp, Ref, Ty};
use smallvec::SmallVec;

use super::Recorder;
use crate::compiler::bytecode::Op;
use crate::jit::helpers;
use crate::jit::sunk::PARTS;
use crate::object::{ObjData, Shape};
use crate::value::Value;

/// What a virtual is.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// A class call's instance: its class and shape.
    Instance(Value, &'static Shape),
    /// A tuple display's tuple (its items never change).
    Tuple,
    /// `obj.m` of a plain method: the function (its one field is `self`).
    Bound(Value),
    /// A list display's list, appended to and extended by the trace (the
    /// arguments of `f(a, *rest)` are one).
    List,
}

/// Most items a virtual list holds: past it, it is made.
pub(super) const MAX_VIRTUAL_LIST: usize = 8;

/// The helpers making a tuple or list of `n` items (the helper for the
/// first of a `PARTS` chain when it has three or more).
fn seq_helper(list: bool, n: usize) -> i64 {
    match (list, n) {
        (false, 1) => helpers::NEW_TUPLE1,
        (false, 2) => helpers::NEW_TUPLE2,
        (false, _) => helpers::NEW_TUPLE_N,
        (true, 0) => helpers::NEW_LIST0,
        (true, 1) => helpers::NEW_LIST1,
        (true, 2) => helpers::NEW_LIST2,
        (true, _) => helpers::NEW_LIST_N,
    }
}

/// An object the trace has not made.
#[derive(Clone)]
pub(crate) struct Virtual {
    pub(super) kind: Kind,
    /// The attributes' refs in slot order, or the tuple's items (of any
    /// type: unboxed ints and floats stay unboxed).
    pub(super) fields: SmallVec<[Ref; 4]>,
    /// The `sinka` for the state last emitted, and the `Recorder::virtual_gen`
    /// it was emitted at.
    state: (u64, Ref),
}

impl Recorder {
    /// Whether `r` is an object the trace has not made.
    #[inline]
    pub(crate) fn is_virtual(&self, r: Ref) -> bool {
        !self.virtuals.is_empty() && self.virtuals.contains_key(&r)
    }

    /// Whether `r` is an instance the trace has not made.
    #[inline]
    pub(crate) fn is_virtual_instance(&self, r: Ref) -> bool {
        !self.virtuals.is_empty()
            && self
                .virtuals
                .get(&r)
                .is_some_and(|v| matches!(v.kind, Kind::Instance(..)))
    }

    /// A new instance of `cls` with no attributes (`root`: the empty shape).
    pub(super) fn new_virtual(&mut self, cls: Value, root: &'static Shape) -> Ref {
        let kind = Kind::Instance(cls, root);
        let h = self.emit_state(kind, &[]);
        self.adopt(h, kind, SmallVec::new());
        self.virtuals_made += 1;
        h
    }

    /// A tuple of `items` the trace does not make; unpacking it and indexing
    /// it by a constant read the items (`tuples`).
    pub(crate) fn new_virtual_tuple(&mut self, items: &[Ref]) -> Ref {
        debug_assert!(!items.is_empty(), "the empty tuple is a constant");
        let h = self.emit_state(Kind::Tuple, items);
        self.adopt(h, Kind::Tuple, items.into());
        if items.iter().any(|&r| self.is_virtual(r)) {
            // (the handle names its virtual items' handles, not their
            // states: the first snapshot emits one)
            self.virtuals.get_mut(&h).expect("adopted").state.0 = u64::MAX;
        }
        self.tuples.insert(h, items.into());
        self.virtuals_made += 1;
        h
    }

    /// The bound method `slf.func` the trace does not make (its calls are
    /// inlined with `slf` first: `bound_self`).
    pub(super) fn new_virtual_bound(&mut self, func: Value, slf: Ref) -> Ref {
        let kind = Kind::Bound(func);
        let h = self.emit_state(kind, &[slf]);
        self.adopt(h, kind, smallvec::smallvec![slf]);
        if self.is_virtual(slf) {
            // (the handle names `slf`'s handle, not its state)
            self.virtuals.get_mut(&h).expect("adopted").state.0 = u64::MAX;
        }
        self.virtuals_made += 1;
        h
    }

    /// A list of `items` the trace does not make (yet).
    pub(super) fn new_virtual_list(&mut self, items: &[Ref]) -> Ref {
        let h = self.emit_state(Kind::List, items);
        self.adopt(h, Kind::List, items.into());
        if items.iter().any(|&r| self.is_virtual(r)) {
            self.virtuals.get_mut(&h).expect("adopted").state.0 = u64::MAX;
        }
        self.virtuals_made += 1;
        h
    }

    /// Whether `r` is a list the trace has not made, with room for `more`
    /// items.
    pub(super) fn virtual_list_with_room(&self, r: Ref, more: usize) -> bool {
        self.virtuals.get(&r).is_some_and(|v| {
            matches!(v.kind, Kind::List) && v.fields.len() + more <= MAX_VIRTUAL_LIST
        })
    }

    /// Appends `items` to the virtual list `h`.
    pub(super) fn extend_virtual_list(&mut self, h: Ref, items: &[Ref]) {
        let v = self.virtuals.get_mut(&h).expect("a virtual list");
        v.fields.extend_from_slice(items);
        self.virtual_gen += 1;
    }

    fn adopt(&mut self, h: Ref, kind: Kind, fields: SmallVec<[Ref; 4]>) {
        let state = (self.virtual_gen, h);
        self.virtuals.insert(
            h,
            Virtual {
                kind,
                fields,
                state,
            },
        );
    }

    /// Takes the `sinka` a side trace rebuilt from its parent's exit as a
    /// virtual of its own, when it is an instance or a tuple.
    pub(crate) fn adopt_rebuilt(&mut self, r: Ref) {
        let head = *self.trace.get(r);
        if matches!(
            head.imm,
            helpers::NEW_TUPLE1 | helpers::NEW_TUPLE2 | helpers::NEW_TUPLE_N
        ) {
            let items = self.sunk_tuple_items(r);
            self.adopt(r, Kind::Tuple, items);
            return;
        }
        if matches!(
            head.imm,
            helpers::NEW_LIST0 | helpers::NEW_LIST1 | helpers::NEW_LIST2 | helpers::NEW_LIST_N
        ) {
            let items = self.sunk_seq_items(r);
            self.adopt(r, Kind::List, items);
            return;
        }
        if head.imm == helpers::NEW_BOUND {
            let func = Value(self.trace.get(head.a).imm as u64);
            self.adopt(r, Kind::Bound(func), smallvec::smallvec![head.b]);
            return;
        }
        if head.imm != helpers::NEW_INSTANCE {
            return;
        }
        let cls = Value(self.trace.get(head.a).imm as u64);
        let node = *self.trace.get(head.b);
        // SAFETY: shapes are leaked (`Shape::with`); the imm is one (see the
        // module's doc).
        let shape: &'static Shape = unsafe { &*(node.imm as *const Shape) };
        let mut fields: SmallVec<[Ref; 4]> = SmallVec::new();
        if !node.a.is_none() {
            fields.push(node.a);
        }
        let mut rest = node.b;
        while !rest.is_none() {
            let p = *self.trace.get(rest);
            fields.push(p.a);
            rest = p.b;
        }
        self.adopt(r, Kind::Instance(cls, shape), fields);
    }

    /// The virtual behind `r` (which `is_virtual`).
    pub(super) fn virtual_of(&self, r: Ref) -> &Virtual {
        &self.virtuals[&r]
    }

    /// Sets attribute slot `idx` of virtual `h` to `v` (`idx` one past the
    /// last adds it, moving the instance to `shape`).
    pub(super) fn set_virtual_field(&mut self, h: Ref, idx: usize, v: Ref, shape: &'static Shape) {
        let virt = self.virtuals.get_mut(&h).expect("a virtual");
        if idx == virt.fields.len() {
            virt.fields.push(v);
        } else {
            virt.fields[idx] = v;
        }
        if let Kind::Instance(cls, _) = virt.kind {
            virt.kind = Kind::Instance(cls, shape);
        }
        self.virtual_gen += 1;
    }

    /// Whether virtual `from` is `to` or holds it, through its fields.
    pub(super) fn reaches(&self, from: Ref, to: Ref) -> bool {
        if from == to {
            return true;
        }
        self.virtuals
            .get(&from)
            .is_some_and(|v| v.fields.iter().any(|&f| self.reaches(f, to)))
    }

    /// The `sinka` naming `h`'s current state in a snapshot.
    pub(super) fn virtual_state(&mut self, h: Ref) -> Ref {
        let v = &self.virtuals[&h];
        if v.state.0 == self.virtual_gen {
            return v.state.1;
        }
        let kind = v.kind;
        let mut fields = v.fields.clone();
        for f in fields.iter_mut() {
            if self.is_virtual(*f) {
                *f = self.virtual_state(*f);
            }
        }
        let r = self.emit_state(kind, &fields);
        let gen_now = self.virtual_gen;
        self.virtuals.get_mut(&h).expect("a virtual").state = (gen_now, r);
        r
    }

    fn emit_state(&mut self, kind: Kind, fields: &[Ref]) -> Ref {
        let (cls, shape) = match kind {
            Kind::Instance(cls, shape) => (cls, shape),
            Kind::Tuple => return self.emit_tuple(fields),
            Kind::List => return self.emit_seq(fields, seq_helper(true, fields.len())),
            Kind::Bound(func) => {
                let kf = self.k_val(func);
                return self.trace.emit(
                    IrOp::SinkA,
                    Ty::Val,
                    kf,
                    fields[0],
                    helpers::NEW_BOUND,
                    None,
                );
            }
        };
        let mut rest = Ref::NONE;
        for &f in fields.iter().skip(1).rev() {
            rest = self.trace.emit(IrOp::SinkA, Ty::Val, f, rest, PARTS, None);
        }
        let first = fields.first().copied().unwrap_or(Ref::NONE);
        let at = shape as *const Shape as i64;
        let node = self.trace.emit(IrOp::SinkA, Ty::Val, first, rest, at, None);
        let kc = self.k_val(cls);
        self.trace
            .emit(IrOp::SinkA, Ty::Val, kc, node, helpers::NEW_INSTANCE, None)
    }

    /// Snapshot entries with each virtual replaced by its current state.
    pub(super) fn virtual_states(&mut self, refs: &mut [Ref]) {
        if self.virtuals.is_empty() {
            return;
        }
        for r in refs.iter_mut() {
            if self.is_virtual(*r) {
                *r = self.virtual_state(*r);
            }
        }
    }

    /// Makes virtual `h` for real before `pc` (its virtual fields first), and
    /// has every ref to it name the object made.
    pub(crate) fn materialize(&mut self, h: Ref, pc: usize) -> Ref {
        let v = self.virtuals[&h].clone();
        let mut fields: SmallVec<[Ref; 4]> = SmallVec::new();
        for (i, _) in v.fields.iter().enumerate() {
            // (making a field renames it in `h`'s fields too)
            let f = self.virtuals[&h].fields[i];
            let f = if self.is_virtual(f) {
                self.materialize(f, pc)
            } else {
                f
            };
            fields.push(self.boxed(f));
        }
        let (cls, shape) = match v.kind {
            Kind::Instance(cls, shape) => (cls, shape),
            Kind::List => {
                let helper = seq_helper(true, fields.len());
                let made = match fields.len() {
                    0..=2 => self.guard(
                        IrOp::CallA,
                        Ty::Val,
                        fields.first().copied().unwrap_or(Ref::NONE),
                        fields.get(1).copied().unwrap_or(Ref::NONE),
                        helper,
                        pc,
                    ),
                    _ => self.park_and_call(&fields, helper, pc),
                };
                return self.made(h, made);
            }
            Kind::Bound(func) => {
                let kf = self.k_val(func);
                let made = self.guard(IrOp::CallA, Ty::Val, kf, fields[0], helpers::NEW_BOUND, pc);
                return self.made(h, made);
            }
            Kind::Tuple => {
                let made = match fields.len() {
                    1 | 2 => self.guard(
                        IrOp::CallA,
                        Ty::Val,
                        fields[0],
                        fields.get(1).copied().unwrap_or(Ref::NONE),
                        if fields.len() == 1 {
                            helpers::NEW_TUPLE1
                        } else {
                            helpers::NEW_TUPLE2
                        },
                        pc,
                    ),
                    _ => self.park_and_call(&fields, helpers::NEW_TUPLE_N, pc),
                };
                let items = self.virtuals[&h].fields.clone();
                self.tuples.insert(made, items);
                return self.made(h, made);
            }
        };
        let made = if fields.is_empty() {
            self.alloc_instance(cls, pc)
        } else {
            let kc = self.k_val(cls);
            for (i, &f) in fields.iter().enumerate() {
                let park = if i == 0 {
                    helpers::TUPLE_FIRST
                } else {
                    helpers::TUPLE_ITEM
                };
                self.guard(IrOp::CallG, Ty::Val, f, Ref::NONE, park, pc);
            }
            let ks = self.k_int(shape as *const Shape as i64);
            self.guard(
                IrOp::CallG,
                Ty::Val,
                kc,
                ks,
                helpers::NEW_INSTANCE_PARKED,
                pc,
            )
        };
        self.made(h, made)
    }

    /// An instance of `cls` with no attributes, allocated (`calla`: dropped
    /// when nothing uses it).
    pub(super) fn alloc_instance(&mut self, cls: Value, pc: usize) -> Ref {
        let kc = self.k_val(cls);
        self.guard(
            IrOp::CallA,
            Ty::Val,
            kc,
            Ref::NONE,
            helpers::NEW_INSTANCE,
            pc,
        )
    }

    /// Virtual `h` is the object `made` from now on.
    fn made(&mut self, h: Ref, made: Ref) -> Ref {
        self.virtuals.remove(&h);
        self.rename(h, made);
        self.renames += 1;
        self.virtual_gen += 1;
        // locals of the loop's frame holding it are stored now, as any other
        let root_locals = self.parents.first().map_or(&self.locals, |p| &p.locals);
        let stored: SmallVec<[u32; 4]> = self
            .root_virtuals
            .iter()
            .copied()
            .filter(|i| root_locals.get(i) == Some(&made))
            .collect();
        for i in stored {
            self.trace
                .emit(IrOp::SetSlot, Ty::Void, made, Ref::NONE, i as i64, None);
            self.root_virtuals.retain(|s| *s != i);
        }
        made
    }

    /// The loop frame's locals holding virtuals that the interpreter may read
    /// at `root_pc` (of the loop's frame), with their states: what a snapshot
    /// there writes besides the delayed stores.
    pub(super) fn root_virtual_slots(&mut self, root_pc: usize) -> Vec<(u32, Ref)> {
        if self.root_virtuals.is_empty() {
            return Vec::new();
        }
        let mut slots: Vec<(u32, Ref)> = Vec::with_capacity(self.root_virtuals.len());
        for k in 0..self.root_virtuals.len() {
            let i = self.root_virtuals[k];
            if !self.root_local_live(i, root_pc) {
                continue;
            }
            let root_locals = self.parents.first().map_or(&self.locals, |p| &p.locals);
            let h = root_locals[&i];
            slots.push((i, self.virtual_state(h)));
        }
        slots.sort_unstable_by_key(|&(i, _)| i);
        slots
    }

    /// Whether the interpreter may read local `i` of the loop's frame before
    /// writing it, from `pc` on.
    fn root_local_live(&self, i: u32, pc: usize) -> bool {
        self.root_code().live_at(pc).is_none_or(|live| {
            live.get(i as usize / 64)
                .is_none_or(|w| w & (1 << (i % 64)) != 0)
        })
    }

    /// Makes for real, before the loop closes or links at `header_pc`, each
    /// virtual a local of the loop's frame holds that the next iteration
    /// reads (one it overwrites first stays unmade).
    pub(crate) fn settle_root_virtuals(&mut self, header_pc: usize) {
        let live: SmallVec<[u32; 4]> = self
            .root_virtuals
            .iter()
            .copied()
            .filter(|&i| self.root_local_live(i, header_pc))
            .collect();
        for i in live {
            if let Some(&h) = self.locals.get(&i).filter(|h| self.is_virtual(**h)) {
                self.materialize(h, header_pc);
            }
        }
    }

    /// Makes the virtuals among the top `n` stack entries (all of them for
    /// None) for real.
    pub(crate) fn materialize_on_stack(&mut self, n: Option<usize>, pc: usize) {
        let len = self.stack.len();
        let from = n.map_or(0, |n| len.saturating_sub(n));
        for i in from..len {
            let r = self.stack[i];
            if self.is_virtual(r) {
                self.materialize(r, pc);
            }
        }
    }

    /// Every ref to `from` in the recorder's frames now names `to`.
    fn rename(&mut self, from: Ref, to: Ref) {
        let swap = |r: &mut Ref| {
            if *r == from {
                *r = to;
            }
        };
        self.stack.iter_mut().for_each(swap);
        self.locals.values_mut().for_each(swap);
        for p in self.parents.iter_mut() {
            p.rename(from, to);
        }
        if let Some(g) = self.in_gen.as_mut() {
            g.entry_stack.iter_mut().for_each(swap);
        }
        for v in self.virtuals.values_mut() {
            v.fields.iter_mut().for_each(swap);
        }
        for items in self.tuples.values_mut() {
            items.iter_mut().for_each(swap);
        }
        self.supers.values_mut().for_each(swap);
    }
}

impl crate::vm::Vm {
    /// Makes for real the virtuals `op` would take as operands on a path that
    /// does not know them: anything but attribute access and stores on the
    /// instance, method lookups, inlined calls and operator dunders, returns
    /// and locals of inlined frames, and the ops that only move refs.
    pub(super) fn settle_virtuals(
        &mut self,
        rec: &mut Recorder,
        fr: &crate::vm::frame::Frame,
        pc: usize,
        op: Op,
    ) {
        let top = |d: usize| fr.peek(d);
        let n = rec.stack.len();
        let at = |d: usize| n.checked_sub(d + 1).map(|i| rec.stack[i]);
        let virt = |d: usize| at(d).is_some_and(|r| rec.is_virtual(r));
        let instance = |d: usize| at(d).is_some_and(|r| rec.is_virtual_instance(r));
        let inlined_frame = rec.inlined() && rec.in_gen.is_none();
        let takes: Option<usize> = match op {
            Op::Nop
            | Op::FuncEntry
            | Op::LoadFast(_)
            | Op::LoadConst(_)
            | Op::LoadGlobal(_)
            | Op::LoadName(_)
            | Op::LoadDeref(_)
            | Op::Pop
            | Op::Dup
            | Op::DupTwo
            | Op::Rot2
            | Op::Rot3
            | Op::Jump(_) => Some(0),
            Op::StoreFast(_) => Some(if rec.in_gen.is_none() { 0 } else { 1 }),
            Op::Return => Some(if inlined_frame { 0 } else { 1 }),
            Op::LoadAttr(k) => {
                let name = fr.code.names[k as usize];
                // (an attribute is its ref; a plain method a bound method the
                // trace does not make either)
                let known = instance(0)
                    && (self.inline_attr_slot(top(0), name).is_some()
                        || (matches!(&top(0).obj().data,
                            ObjData::Instance(i) if i.shape.get().lookup(name).is_none())
                            && self.plain_method(top(0), name).is_some()));
                Some(if known { 0 } else { 1 })
            }
            Op::LoadMethod(k) => {
                let name = fr.code.names[k as usize];
                let known = instance(0)
                    && matches!(&top(0).obj().data,
                        ObjData::Instance(i) if i.shape.get().lookup(name).is_none())
                    && self.plain_method(top(0), name).is_some();
                Some(if known { 0 } else { 1 })
            }
            Op::StoreAttr(k) => {
                let name = fr.code.names[k as usize];
                let known = instance(0)
                    && (self.inline_attr_slot(top(0), name).is_some()
                        || self.adds_plain_attr(top(0), name))
                    // (no cycle of virtuals: a state names its fields' states)
                    && !(virt(1) && rec.reaches(at(1).expect("virtual"), at(0).expect("virtual")));
                Some(if known { 0 } else { 2 })
            }
            Op::Call(2)
                if self
                    .virtual_isinstance(rec, top(2), top(1), top(0))
                    .is_some() =>
            {
                Some(0)
            }
            Op::Call(1)
                if at(0).is_some_and(|r| rec.is_virtual(r)) && self.is_len_call(top(1), top(0)) =>
            {
                // (`len` of a tuple or list the trace has not made)
                let sized = rec
                    .virtuals
                    .get(&at(0).expect("checked"))
                    .is_some_and(|v| matches!(v.kind, Kind::Tuple | Kind::List));
                Some(if sized { 0 } else { 2 })
            }
            Op::Call(argc) => {
                let argc = argc as usize;
                let f = top(argc);
                let inlined = self.inlinable_in(rec, f)
                    || self.inlinable_class_call(f, argc)
                    || (at(argc).and_then(|r| super::bound_self(rec, r)).is_some()
                        && self.bound_inlinable(rec, f, argc + 1));
                Some(if inlined { 0 } else { argc + 1 })
            }
            Op::CallKw(argc) => {
                let inlined = self.kw_call_params(rec, fr, argc).is_some();
                Some(if inlined { 0 } else { argc as usize + 2 })
            }
            Op::CallMethod(argc) => {
                let argc = argc as usize;
                let inlined = !top(argc).is_empty() && self.inlinable_in(rec, top(argc + 1));
                Some(if inlined { 0 } else { argc + 2 })
            }
            Op::Binary(bop) => {
                let inlined = self.operator_dunder(bop, top(1), top(0)).is_some();
                Some(if inlined { 0 } else { 2 })
            }
            Op::Compare(cop) => {
                let inlined = self.compare_dunder(cop, top(1), top(0)).is_some();
                Some(if inlined { 0 } else { 2 })
            }
            Op::Subscr => {
                let read = (virt(1) && super::built_tuple_item(rec, top(0)).is_some())
                    || self.getitem_dunder(top(1)).is_some();
                Some(if read { 0 } else { 2 })
            }
            Op::UnpackSequence(k) => {
                let read = at(0).is_some_and(|r| {
                    rec.is_virtual(r) && rec.tuples.get(&r).is_some_and(|t| t.len() == k as usize)
                });
                Some(if read { 0 } else { 1 })
            }
            Op::BuildTuple(k) => {
                let sunk = rec.sink_instances && (1..=super::MAX_BUILT_TUPLE).contains(&k);
                Some(if sunk { 0 } else { k as usize })
            }
            Op::BuildList(k) => {
                let sunk = rec.sink_instances && k as usize <= MAX_VIRTUAL_LIST;
                Some(if sunk { 0 } else { k as usize })
            }
            // (the list `d` below the item: made with everything above it
            // when it is virtual and full)
            Op::ListAppend(d) => match at(d as usize) {
                Some(l) if rec.virtual_list_with_room(l, 1) => Some(0),
                Some(l) if rec.is_virtual(l) => None,
                _ => Some(1),
            },
            Op::ListExtend(d) => match at(d as usize) {
                Some(l)
                    if rec.virtual_list_with_room(l, super::extended_len(rec, top(0), at(0))) =>
                {
                    Some(0)
                }
                Some(l) if rec.is_virtual(l) => None,
                _ => Some(1),
            },
            Op::ListToTuple => Some(0),
            Op::CallEx(0) => {
                let inlined = self.callex_inlinable(rec, top(1), top(0), at(1));
                Some(if inlined { 0 } else { 2 })
            }
            Op::Unary(_) | Op::GetIter | Op::ForIter(_) => Some(1),
            Op::BuildSlice(k) | Op::BuildString(k) => Some(k as usize),
            Op::FormatValue(fl) => Some(if fl & 4 != 0 { 2 } else { 1 }),
            Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) => Some(1),
            Op::Is(_) | Op::In(_) | Op::InplaceBinary(_) => Some(2),
            Op::StoreSubscr => Some(3),
            _ => None,
        };
        rec.materialize_on_stack(takes, pc);
    }
}

impl Recorder {
    /// Guards the version of virtual `h`'s class (what an instance guard
    /// leaves to check when the recorder knows class, dict and shape), and
    /// that the interpreter's object `obj` has the recorder's shape.
    pub(super) fn guard_virtual_class(
        &mut self,
        h: Ref,
        obj: Value,
        layouts: &crate::jit::layout::Layouts,
        pc: usize,
    ) -> Result<(), String> {
        let Kind::Instance(cls, shape) = self.virtuals[&h].kind else {
            return Err("not a virtual instance".into());
        };
        let same = matches!(&obj.as_obj().map(|o| &o.data),
            Some(ObjData::Instance(i)) if std::ptr::eq(i.shape.get(), shape));
        if !same || obj.obj().class() != cls {
            return Err("virtual instance unlike the interpreter's".into());
        }
        let ObjData::Type(t) = &cls.obj().data else {
            return Err("not a class".into());
        };
        if self.is_volatile(t) {
            return Err("virtual instance of a changing class".into());
        }
        self.guard_type_version(cls, t, layouts, pc);
        Ok(())
    }
}
