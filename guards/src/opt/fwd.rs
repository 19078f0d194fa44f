//! Store-to-load forwarding and dead-store elimination on frame slots (LuaJIT's
//! lj_opt_mem.c, reduced to the one kind of memory traces touch directly).
//!
//! Design: frame slots are the only memory the IR reads (`Slot`) and writes
//! (`SetSlot`); slot indices are constants, so there is no aliasing to analyse. A
//! forward sweep keeps, per slot, the ref of the value it currently holds:
//! - `Slot(i)` after `SetSlot(i, v)` yields `v`; after an earlier `Slot(i)` with no
//!   store in between, yields that load (load-to-load forwarding);
//! - `SetSlot(i, _)` followed by another `SetSlot(i, _)` with no guard in between is
//!   dead: nothing can observe the first value (a guard's exit rebuilds the frame from
//!   the slots, so any guard in between keeps the first store; a load in between would
//!   have been forwarded).
//!
//! Assumption (see the `opt` module docs): `CallG` helpers neither read nor write frame
//! slots; they only see their arguments. So a call invalidates no forwarded value. It
//! is still a guard, so it keeps earlier stores alive.
//!
//! The knowledge is dropped at the `Loop` marker: a load at the top of the body reads
//! what the *previous iteration* stored, which only the loop pass can name (a phi).
//! For the same reason nothing is carried across the back edge.

use super::{NOP, Subst};
use crate::fastmap::FastMap;
use crate::ir::{Op, Ref, Trace};

pub fn run(t: &mut Trace) {
    let mut s = Subst::new(t.ins.len());
    // slot -> the ref of its current value
    let mut known: FastMap<i64, Ref> = FastMap::default();
    // slot -> the store not yet observable by any exit
    let mut pending: FastMap<i64, usize> = FastMap::default();
    for i in 0..t.ins.len() {
        let mut ins = t.ins[i];
        s.operands(&mut ins);
        t.ins[i] = ins;
        let me = Ref(i as u32);
        match ins.op {
            Op::Loop => {
                known.clear();
                pending.clear();
            }
            Op::Slot => match known.get(&ins.imm) {
                Some(&v) => {
                    t.ins[i] = NOP;
                    s.set(me, v);
                }
                None => {
                    known.insert(ins.imm, me);
                }
            },
            Op::SetSlot => {
                known.insert(ins.imm, ins.a);
                if let Some(dead) = pending.insert(ins.imm, i) {
                    t.ins[dead] = NOP;
                }
            }
            op if op.is_guard() => pending.clear(),
            _ => {}
        }
    }
    s.finish(t);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Ty;
    use crate::opt::count_op;

    #[test]
    fn forwards_stores_and_loads_and_kills_unobservable_stores() {
        let mut t = Trace::new();
        let s = t.snapshot(0, vec![]);
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let v2 = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let x = t.emit(Op::GuardInt, Ty::I64, v2, Ref::NONE, 0, Some(s));
        let b = t.emit(Op::BoxInt, Ty::Val, x, Ref::NONE, 0, None);
        t.emit(Op::SetSlot, Ty::Void, b, Ref::NONE, 1, None); // dead: overwritten below
        t.emit(Op::SetSlot, Ty::Void, v, Ref::NONE, 1, None); // kept: a guard follows
        let w = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 1, None);
        t.emit(Op::CallG, Ty::Val, w, Ref::NONE, 0, Some(s));
        t.emit(Op::SetSlot, Ty::Void, b, Ref::NONE, 1, None);
        run(&mut t);
        crate::verify(&t).unwrap();
        assert_eq!(count_op(&t, Op::Slot), 1, "{t}");
        assert_eq!(count_op(&t, Op::SetSlot), 2, "{t}");
        assert_eq!(t.get(x).a, v);
        assert_eq!(
            t.ins[7].a, v,
            "the load after the store is the stored value"
        );
    }
}
