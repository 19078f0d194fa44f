//! Common-subexpression elimination of pure ops and of repeated guards.
//!
//! Design: a forward sweep with a hash table from (op, type, operands, imm) to the
//! first ref computing it (LuaJIT chains same-op instructions instead; a table is
//! simpler and traces are short). Commutative ops are keyed with sorted operands.
//!
//! Guards other than `CallG` are pure too in the sense that matters: a second
//! `GuardInt(v)`, `AddOv(a, b)` or `GuardTrue(c)` on the same operands cannot fail when
//! the first one passed, so it yields the first one's ref (its snapshot is simply no
//! longer needed). Loads (`Slot`) are memory, handled by `fwd`; `CallG` may have side
//! effects; `Phi` depends on the iteration.
//!
//! Object memory. `LoadConst` reads memory that never changes (a tuple's items) and
//! is pure. A `Load` yields an earlier identical `Load` when nothing in between may
//! have written that word: a `CallG` or `CallR` (a helper may run any code; but
//! not one of `Trace::quiet_helpers`, which fill only objects the trace made and
//! never loads from), a `CallA` (it moves the collector's allocation clock, which
//! a GC poll loads) or a `Store` to it. Stores
//! through an `ARef` write array elements, which live in buffers apart from every
//! object's own fields, so they forget only element loads: a list's length and item
//! pointer survive `l[0] = x` and are loaded once for `l[0]`, `l[1]`, `l[2]`. Any
//! other address is a base (an object, a buffer, a block of the client's) plus a
//! field offset, and a base never points inside another's memory, so a field
//! store forgets the loads at its offset (from any base: two refs may be one
//! object) and the element loads; a generator frame's locals stored each
//! iteration of an unrolled loop leave its iterator's class and length known.
//! A load after a store to its word and of the stored value's type is that
//! value.
//!
//! Two phis with the same entry value and the same loop value are merged too.
//!
//! The table is cleared at the `Loop` marker: the pre-loop part and the loop body are
//! CSE'd separately. (Matching a body instruction against a pre-loop one with the very
//! same operand refs would be sound, since such operands are loop-invariant, but the
//! loop pass does that deliberately, against its peeled copy, with phis in place.)

use super::{NOP, Subst, is_pure};
use crate::fastmap::FastMap;
use crate::ir::{Op, Ref, Trace, Ty};

fn commutative(op: Op) -> bool {
    matches!(
        op,
        Op::AddOv
            | Op::MulOv
            | Op::Mul
            | Op::Add
            | Op::BAnd
            | Op::BOr
            | Op::BXor
            | Op::FAdd
            | Op::FMul
            | Op::IEq
            | Op::INe
            | Op::FEq
            | Op::FNe
    )
}

pub fn run(t: &mut Trace) {
    let mut s = Subst::new(t.ins.len());
    let mut seen: FastMap<(Op, Ty, Ref, Ref, i64), Ref> = FastMap::default();
    // (type, address operand, offset) -> the load still valid there
    let mut loads: FastMap<(Ty, Ref, i64), Ref> = FastMap::default();
    let is_element = |t: &Trace, base: Ref| t.get(base).op == Op::ARef;
    for i in 0..t.ins.len() {
        let mut ins = t.ins[i];
        s.operands(&mut ins);
        t.ins[i] = ins;
        match ins.op {
            Op::CallG if t.quiet_helpers.contains(&ins.imm) => {}
            Op::Loop | Op::CallG | Op::CallA | Op::CallR => loads.clear(),
            Op::Store => {
                let element = is_element(t, ins.a);
                let at = ins.imm;
                loads.retain(|&(_, a, off), _| {
                    let e = is_element(t, a);
                    if element { !e } else { !e && off != at }
                });
                // (a later load of this word of the stored value's type reads it)
                let ty = t.get(ins.b).ty;
                loads.insert((ty, ins.a, at), ins.b);
            }
            Op::Load => {
                let me = Ref(i as u32);
                let first = *loads.entry((ins.ty, ins.a, ins.imm)).or_insert(me);
                if first != me {
                    t.ins[i] = NOP;
                    s.set(me, first);
                }
                continue;
            }
            _ => {}
        }
        if ins.op == Op::Loop {
            seen.clear();
            continue;
        }
        if !is_pure(ins.op) {
            continue;
        }
        let (mut a, mut b) = (ins.a, ins.b);
        if commutative(ins.op) && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        let me = Ref(i as u32);
        let first = *seen.entry((ins.op, ins.ty, a, b, ins.imm)).or_insert(me);
        if first != me {
            t.ins[i] = NOP;
            s.set(me, first);
        }
    }
    // Phis with the same entry and loop values are the same value. Their b may point
    // forward, so they are matched after the sweep.
    // (their slots must agree too: a trace entering the loop body hands each
    // slot's phi its value)
    let mut phis: FastMap<(Ty, Ref, Ref, i64), Ref> = FastMap::default();
    for i in 0..t.ins.len() {
        let ins = t.ins[i];
        if ins.op == Op::Phi {
            let me = Ref(i as u32);
            let first = *phis
                .entry((ins.ty, s.get(ins.a), s.get(ins.b), ins.imm))
                .or_insert(me);
            if first != me {
                t.ins[i] = NOP;
                s.set(me, first);
            }
        }
    }
    s.finish(t);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::count_op;

    #[test]
    fn repeated_guards_and_ops_merge_per_region() {
        let mut t = Trace::new();
        let s0 = t.snapshot(0, vec![]);
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let x = t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s0));
        let x2 = t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s0));
        let k = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 1, None);
        let k2 = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 1, None);
        let a1 = t.emit(Op::AddOv, Ty::I64, x, k, 0, Some(s0));
        let a2 = t.emit(Op::AddOv, Ty::I64, k2, x2, 0, Some(s0));
        let s1 = t.snapshot(1, vec![a1, a2]);
        let c = t.emit(Op::ILt, Ty::Bool, a2, x, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, c, Ref::NONE, 0, Some(s1));
        t.emit(Op::Loop, Ty::Void, Ref::NONE, Ref::NONE, 0, None);
        // the same guard in the body is kept: different region
        let y = t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s0));
        let b = t.emit(Op::BoxInt, Ty::Val, y, Ref::NONE, 0, None);
        t.emit(Op::SetSlot, Ty::Void, b, Ref::NONE, 0, None);
        run(&mut t);
        crate::verify(&t).unwrap();
        assert_eq!(count_op(&t, Op::GuardInt), 2, "{t}");
        assert_eq!(count_op(&t, Op::AddOv), 1, "{t}");
        assert_eq!(count_op(&t, Op::KInt), 1, "{t}");
        assert_eq!(t.snapshots[s1 as usize].stack, vec![a1, a1]);
        assert_eq!(t.get(c).a, a1);
    }

    #[test]
    fn loads_merge_until_memory_may_change() {
        let mut t = Trace::new();
        let s0 = t.snapshot(0, vec![]);
        let ld = |t: &mut Trace, op, ty, a, off| t.emit(op, ty, a, Ref::NONE, off, None);
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let p = t.emit(Op::GuardObj, Ty::Ptr, v, Ref::NONE, 0, Some(s0));
        let n1 = ld(&mut t, Op::Load, Ty::I64, p, 8);
        let d1 = ld(&mut t, Op::Load, Ty::Ptr, p, 16);
        let k0 = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 0, None);
        let e = t.emit(Op::ARef, Ty::Ptr, d1, k0, 0, None);
        let x = ld(&mut t, Op::Load, Ty::Val, e, 0);
        t.emit(Op::Store, Ty::Void, e, x, 0, None);
        // an element store leaves the fields alone
        let n2 = ld(&mut t, Op::Load, Ty::I64, p, 8);
        let d2 = ld(&mut t, Op::Load, Ty::Ptr, p, 16);
        let e2 = t.emit(Op::ARef, Ty::Ptr, d2, k0, 0, None);
        let x2 = ld(&mut t, Op::Load, Ty::Val, e2, 0);
        let c1 = ld(&mut t, Op::LoadConst, Ty::Val, p, 24);
        t.emit(Op::CallG, Ty::Val, x2, n2, 0, Some(s0));
        // a helper may change anything but immutable memory
        let n3 = ld(&mut t, Op::Load, Ty::I64, p, 8);
        let c2 = ld(&mut t, Op::LoadConst, Ty::Val, p, 24);
        let s1 = t.snapshot(1, vec![v, x2, c2]);
        let ok = t.emit(Op::IEq, Ty::Bool, n3, n1, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, ok, Ref::NONE, 0, Some(s1));
        run(&mut t);
        crate::verify(&t).unwrap();
        // (the element reloaded after the store is the value stored)
        assert_eq!(count_op(&t, Op::Load), 4, "{t}");
        assert_eq!(count_op(&t, Op::LoadConst), 1, "{t}");
        assert_eq!(count_op(&t, Op::ARef), 1, "{t}");
        assert_eq!(t.snapshots[s1 as usize].stack, vec![v, x, c1]);
        assert_eq!(t.get(Ref(ok.0)).a, n3);
        let _ = (n2, d2, e2, x2);
    }

    #[test]
    fn a_field_store_forgets_its_offset_and_quiet_helpers_nothing() {
        static QUIET: &[i64] = &[7];
        let mut t = Trace {
            quiet_helpers: QUIET,
            ..Trace::new()
        };
        let s0 = t.snapshot(0, vec![]);
        let ld = |t: &mut Trace, ty, a, off| t.emit(Op::Load, ty, a, Ref::NONE, off, None);
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let w = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 1, None);
        let p = t.emit(Op::GuardObj, Ty::Ptr, v, Ref::NONE, 0, Some(s0));
        let q = t.emit(Op::GuardObj, Ty::Ptr, w, Ref::NONE, 0, Some(s0));
        let len1 = ld(&mut t, Ty::I64, p, 40);
        let idx1 = ld(&mut t, Ty::I64, q, 40);
        let cls1 = ld(&mut t, Ty::Val, q, 8);
        let one = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 1, None);
        let next = t.emit(Op::Add, Ty::I64, idx1, one, 0, None);
        t.emit(Op::Store, Ty::Void, q, next, 40, None);
        t.emit(Op::CallG, Ty::Val, v, w, 7, Some(s0));
        // offset 40 of any base is forgotten (`p` may be `q`), offset 8 is
        // not, and the stored word reads back as the value stored
        let len2 = ld(&mut t, Ty::I64, p, 40);
        let idx2 = ld(&mut t, Ty::I64, q, 40);
        let cls2 = ld(&mut t, Ty::Val, q, 8);
        // another helper may write anything
        t.emit(Op::CallG, Ty::Val, v, w, 9, Some(s0));
        let cls3 = ld(&mut t, Ty::Val, q, 8);
        let s1 = t.snapshot(1, vec![len2, idx2, cls2, cls3]);
        let k = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 0, None);
        let c = t.emit(Op::IEq, Ty::Bool, len1, k, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, c, Ref::NONE, 0, Some(s1));
        run(&mut t);
        crate::verify(&t).unwrap();
        let stack = &t.snapshots[s1 as usize].stack;
        assert_ne!(stack[0], len1, "{t}");
        assert_eq!(stack[1], next, "{t}");
        assert_eq!(stack[2], cls1, "{t}");
        assert_ne!(stack[3], cls1, "{t}");
    }
}
