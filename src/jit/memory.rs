//! Recording object access as inline memory ops instead of helper calls (a call
//! spills every live register around it).
//!
//! Lists and tuples: `l[i]`, `l[i] = v`, unpacking and `len()` guard the object's
//! class and the index bounds, then load or store the item directly.
//!
//! A tuple never changes once built, so its length, item pointer and items are
//! `LoadConst`: CSE'd across helper calls and hoisted out of loops with the tuple. A
//! list's are `Load`: reloaded after anything that may have changed the list. The
//! class word of an object never changes (Coil has no `__class__` assignment), so
//! it is `LoadConst` too: a second access to the same list checks nothing again.
//! Without a measured layout (see `layout`) the recorder falls back to helpers.
//!
//! Instances: an attribute load or store guards the class (exactly), the class's
//! namespace version (no descriptor, hook or method changed), that `__dict__` was
//! never taken and the shape (the attribute's slot index), then reads or writes
//! the slot. A method load guards the same and is then the function seen at
//! recording, a constant (the shape proves the instance does not shadow it).
//!
//! Globals and builtins: a load guards that the globals dict (and, for a builtin,
//! the builtins dict) still has the version it had when recorded, and is then the
//! value seen at recording, a constant: `len(x)`'s callee check folds away.

use guards::{Op as IrOp, Ref, Ty};

use super::{Abort, Recorder};
use crate::jit::layout::{InstanceLayout, Layouts, SeqLayout};
use crate::object::Shape;
use crate::object::{ObjData, TypeObj};
use crate::value::Value;

/// A list or tuple seen while recording, with how its memory may be read.
#[derive(Copy, Clone)]
pub(super) struct Seq {
    layout: SeqLayout,
    load: IrOp,
}

impl Seq {
    /// The inline-access description of `v`, when it is a list or tuple (exactly,
    /// not a subclass) whose layout is known.
    pub(super) fn of(layouts: &Layouts, v: Value) -> Option<Seq> {
        match &v.as_obj()?.data {
            ObjData::List(_) => layouts.list.map(|layout| Seq {
                layout,
                load: IrOp::Load,
            }),
            ObjData::Tuple(_) => layouts.tuple.map(|layout| Seq {
                layout,
                load: IrOp::LoadConst,
            }),
            _ => None,
        }
    }

    pub(super) fn is_list(self) -> bool {
        self.load == IrOp::Load
    }
}

impl Recorder {
    /// Guards that `r` is a heap object of exactly `v`'s class; returns its address.
    pub(super) fn guard_class(&mut self, r: Ref, v: Value, class_at: i64, pc: usize) -> Ref {
        if self.is_virtual_instance(r) {
            // (its class is the recorder's; no address: a path that loads
            // from it escapes, see `escaped_virtual`)
            return r;
        }
        let p = self.guard(IrOp::GuardObj, Ty::Ptr, r, Ref::NONE, 0, pc);
        let c = self
            .trace
            .emit(IrOp::LoadConst, Ty::Val, p, Ref::NONE, class_at, None);
        let cls = v.obj().class.get();
        self.consts.push(cls);
        self.guard(IrOp::GuardIs, Ty::Void, c, Ref::NONE, cls.0 as i64, pc);
        p
    }

    /// The item count of the sequence at `p` (an I64).
    pub(super) fn seq_len(&mut self, s: Seq, p: Ref) -> Ref {
        self.trace
            .emit(s.load, Ty::I64, p, Ref::NONE, s.layout.len, None)
    }

    /// The address of item `idx` (an I64 whose runtime value is `i`) of the
    /// sequence at `p`, after guarding the bounds the way `i` passed them: a
    /// negative index counts from the end. Err when `i` is out of range (the
    /// interpreter raises IndexError; a trace does not record exceptions).
    pub(super) fn seq_item_addr(
        &mut self,
        s: Seq,
        p: Ref,
        idx: Ref,
        i: i64,
        len: usize,
        pc: usize,
    ) -> Result<Ref, Abort> {
        let in_range = if i < 0 {
            i.checked_add(len as i64).is_some_and(|j| j >= 0)
        } else {
            (i as u64) < len as u64
        };
        if !in_range {
            return Err("index out of range".into());
        }
        let n = self.seq_len(s, p);
        let zero = self.k_int(0);
        let idx = if i < 0 {
            let neg = self.trace.emit(IrOp::ILt, Ty::Bool, idx, zero, 0, None);
            self.guard(IrOp::GuardTrue, Ty::Void, neg, Ref::NONE, 0, pc);
            // both are inline ints: the sum cannot overflow
            self.trace.emit(IrOp::Add, Ty::I64, idx, n, 0, None)
        } else {
            idx
        };
        let low = self.trace.emit(IrOp::IGe, Ty::Bool, idx, zero, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, low, Ref::NONE, 0, pc);
        let high = self.trace.emit(IrOp::ILt, Ty::Bool, idx, n, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, high, Ref::NONE, 0, pc);
        Ok(self.seq_item_at(s, p, idx))
    }

    /// The address of item `idx` (known in bounds) of the sequence at `p`.
    pub(super) fn seq_item_at(&mut self, s: Seq, p: Ref, idx: Ref) -> Ref {
        let items = self
            .trace
            .emit(s.load, Ty::Ptr, p, Ref::NONE, s.layout.items, None);
        self.trace.emit(IrOp::ARef, Ty::Ptr, items, idx, 0, None)
    }

    /// The `n` items of the sequence at `p` after guarding that it has exactly `n`
    /// (unpacking).
    pub(super) fn seq_items_exact(&mut self, s: Seq, p: Ref, n: usize, pc: usize) -> Vec<Ref> {
        let len = self.seq_len(s, p);
        let want = self.k_int(n as i64);
        let ok = self.trace.emit(IrOp::IEq, Ty::Bool, len, want, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, ok, Ref::NONE, 0, pc);
        let items = self
            .trace
            .emit(s.load, Ty::Ptr, p, Ref::NONE, s.layout.items, None);
        (0..n)
            .map(|k| {
                let kk = self.k_int(k as i64);
                let addr = self.trace.emit(IrOp::ARef, Ty::Ptr, items, kk, 0, None);
                self.seq_item(s, addr)
            })
            .collect()
    }

    /// The item at `addr` (from `seq_item_addr`).
    pub(super) fn seq_item(&mut self, s: Seq, addr: Ref) -> Ref {
        self.trace.emit(s.load, Ty::Val, addr, Ref::NONE, 0, None)
    }

    /// Guards that `dict` (a dict object) still has the version it has now: none of
    /// its entries has been added, removed or rebound since recording.
    pub(super) fn guard_dict_unchanged(&mut self, dict: Value, version_at: i64, pc: usize) {
        let ObjData::Dict(d) = &dict.obj().data else {
            unreachable!("namespaces are dicts")
        };
        let version = d.get().version;
        self.guard_word(dict, version_at, version, pc);
    }

    /// A GC safepoint: leave to the loop header at `header_pc` (where the
    /// interpreter collects) once the heap's allocation clock at `clock` (a
    /// `gc::GcClock`) says a collection is due. Root traces poll at the top of
    /// each iteration, linking traces just before their link; a trace that calls
    /// no helper allocates nothing and drops its poll (`drop_idle_poll`).
    /// Returns the poll's first instruction.
    pub(crate) fn poll_gc(&mut self, clock: usize, header_pc: usize) -> usize {
        let first = self.trace.ins.len();
        let p = self.trace.emit(
            IrOp::KInt,
            Ty::Ptr,
            Ref::NONE,
            Ref::NONE,
            clock as i64,
            None,
        );
        let allocated = self.trace.emit(IrOp::Load, Ty::I64, p, Ref::NONE, 0, None);
        let threshold = self.trace.emit(IrOp::Load, Ty::I64, p, Ref::NONE, 8, None);
        let not_due = self
            .trace
            .emit(IrOp::ILt, Ty::Bool, allocated, threshold, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, not_due, Ref::NONE, 0, header_pc);
        first
    }

    /// Whether the trace calls a helper (the only way a trace allocates).
    pub(crate) fn calls_helpers(&self) -> bool {
        self.trace
            .ins
            .iter()
            .any(|i| matches!(i.op, IrOp::CallG | IrOp::CallA | IrOp::CallR))
    }

    /// Removes the poll emitted at `first` when nothing in the trace allocates.
    pub(crate) fn drop_idle_poll(&mut self, first: usize) {
        if !self.calls_helpers() {
            for ins in &mut self.trace.ins[first..first + 5] {
                *ins = guards::Ins {
                    op: IrOp::Nop,
                    ty: Ty::Void,
                    a: Ref::NONE,
                    b: Ref::NONE,
                    imm: 0,
                    snap: u32::MAX,
                };
            }
        }
    }

    /// Guards that the u64 word at `at` bytes into the object `obj` (a constant,
    /// kept alive as a trace constant) still holds `want`; returns the object's
    /// address as a trace constant.
    pub(super) fn guard_word(&mut self, obj: Value, at: i64, want: u64, pc: usize) -> Ref {
        self.consts.push(obj);
        let p = self.trace.emit(
            IrOp::KInt,
            Ty::Ptr,
            Ref::NONE,
            Ref::NONE,
            obj.obj_ptr() as i64,
            None,
        );
        self.guard_word_at(p, at, want, pc);
        p
    }

    /// Whether traces stop guarding `t`'s version (`Jit::volatile_classes`).
    pub(super) fn is_volatile(&self, t: &TypeObj) -> bool {
        self.volatile_classes
            .contains(&(t as *const TypeObj as usize))
    }

    /// Guards that the type `cls` (payload `t`) still has the version it has now.
    pub(super) fn guard_type_version(
        &mut self,
        cls: Value,
        t: &TypeObj,
        layouts: &Layouts,
        pc: usize,
    ) {
        // the payload's address is a constant only while `cls` lives: keep it
        self.consts.push(cls);
        let p = self.trace.emit(
            IrOp::KInt,
            Ty::Ptr,
            Ref::NONE,
            Ref::NONE,
            t as *const TypeObj as i64,
            None,
        );
        // (`lookup_version`: see `Layouts::type_version`)
        self.guard_word_at(p, layouts.type_version, t.lookup_version.get(), pc);
    }

    /// Guards that the u64 word at `at` bytes past the address `base` holds `want`.
    pub(super) fn guard_word_at(&mut self, base: Ref, at: i64, want: u64, pc: usize) {
        let now = self
            .trace
            .emit(IrOp::Load, Ty::I64, base, Ref::NONE, at, None);
        let want = self.k_int(want as i64);
        let same = self.trace.emit(IrOp::IEq, Ty::Bool, now, want, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, same, Ref::NONE, 0, pc);
    }

    /// Guards everything an attribute access on the instance `r` (runtime value
    /// `obj`) relies on (see the module doc); returns its address and its layout.
    pub(super) fn guard_instance(
        &mut self,
        r: Ref,
        obj: Value,
        layouts: &Layouts,
        pc: usize,
    ) -> Option<(Ref, InstanceLayout)> {
        let lay = layouts.instance?;
        let ObjData::Instance(i) = &obj.as_obj()?.data else {
            return None;
        };
        if !i.dict.get().is_empty() {
            return None;
        }
        let cls = obj.obj().class.get();
        let ObjData::Type(t) = &cls.obj().data else {
            return None;
        };
        if self.is_volatile(t) {
            return None;
        }
        if self.is_virtual_instance(r) {
            // (its class, dict and shape are the recorder's: only what the
            // class's version pins can change)
            self.guard_type_version(cls, t, layouts, pc);
            return Some((r, lay));
        }
        let p = self.guard_class(r, obj, layouts.class, pc);
        self.guard_type_version(cls, t, layouts, pc);
        let d = self
            .trace
            .emit(IrOp::Load, Ty::Val, p, Ref::NONE, lay.dict, None);
        self.guard(
            IrOp::GuardIs,
            Ty::Void,
            d,
            Ref::NONE,
            Value::EMPTY.0 as i64,
            pc,
        );
        let shape: &Shape = i.shape.get();
        let sh = self
            .trace
            .emit(IrOp::Load, Ty::I64, p, Ref::NONE, lay.shape, None);
        let want = self.k_int(shape as *const Shape as i64);
        let same = self.trace.emit(IrOp::IEq, Ty::Bool, sh, want, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, same, Ref::NONE, 0, pc);
        Some((p, lay))
    }

    /// The address of slot `idx` of the guarded instance at `p`.
    pub(super) fn instance_slot(&mut self, p: Ref, lay: InstanceLayout, idx: usize) -> Ref {
        let items = self
            .trace
            .emit(IrOp::Load, Ty::Ptr, p, Ref::NONE, lay.slots.items, None);
        let k = self.k_int(idx as i64);
        self.trace.emit(IrOp::ARef, Ty::Ptr, items, k, 0, None)
    }

    /// The attribute in the slot at `addr`, guarded present (a slot may be EMPTY).
    pub(super) fn instance_attr(&mut self, addr: Ref, pc: usize) -> Ref {
        let w = self
            .trace
            .emit(IrOp::Load, Ty::I64, addr, Ref::NONE, 0, None);
        let empty = self.k_int(Value::EMPTY.0 as i64);
        let set = self.trace.emit(IrOp::INe, Ty::Bool, w, empty, 0, None);
        self.guard(IrOp::GuardTrue, Ty::Void, set, Ref::NONE, 0, pc);
        self.trace
            .emit(IrOp::Load, Ty::Val, addr, Ref::NONE, 0, None)
    }
}
