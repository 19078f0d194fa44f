//! Dead-code elimination (LuaJIT's lj_opt_dce.c): mark and sweep.
//!
//! Design: the roots are everything with an effect: guards (they may exit; their
//! snapshots name values the exit needs), stores (`SetSlot`, `Store`), helper calls (`CallG`,
//! also a guard), counters, the `Loop` marker and the final `Link`; not `CallA`, an
//! allocation with no other effect, which lives only if its object is used. Marking follows operands and the snapshot
//! entries of the guards; a worklist rather than one backward sweep because a `Phi`'s
//! b points forward. Unmarked instructions become `Nop`. A phi used only by the
//! computation of its own next value (a dead induction variable) is unmarked and goes.

use super::NOP;
use crate::ir::{Op, Ref, Trace};

pub fn run(t: &mut Trace) {
    let n = t.ins.len();
    let mut live = vec![false; n];
    let mut work: Vec<Ref> = Vec::new();
    for (i, ins) in t.ins.iter().enumerate() {
        // an allocation is live only through its uses: the object no one reads
        // (a tuple packed and unpacked at once) is never made
        if ins.op == Op::CallA {
            continue;
        }
        if ins.op.is_guard()
            || matches!(
                ins.op,
                Op::SetSlot
                    | Op::SetVal
                    | Op::Store
                    | Op::CallG
                    | Op::CallR
                    | Op::Loop
                    | Op::Count
                    | Op::Link
                    | Op::Exit
            )
        {
            work.push(Ref(i as u32));
        }
    }
    while let Some(r) = work.pop() {
        if r.is_none() || live[r.idx()] {
            continue;
        }
        live[r.idx()] = true;
        let ins = &t.ins[r.idx()];
        work.push(ins.a);
        work.push(ins.b);
        if ins.op.is_guard() {
            work.extend(t.snapshots[ins.snap as usize].refs());
        }
    }
    for (ins, live) in t.ins.iter_mut().zip(live) {
        if !live {
            *ins = NOP;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Ty;
    use crate::opt::live_count;

    #[test]
    fn keeps_effects_and_what_snapshots_need() {
        let mut t = Trace::new();
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let unused = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 1, None);
        let s = t.snapshot(0, vec![v]);
        let x = t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s));
        let k = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 1, None);
        let dead = t.emit(Op::Add, Ty::I64, x, k, 0, None);
        t.emit(Op::BoxInt, Ty::Val, dead, Ref::NONE, 0, None);
        run(&mut t);
        crate::verify(&t).unwrap();
        assert_eq!(live_count(&t), 2, "{t}");
        assert_eq!(t.get(unused).op, Op::Nop);
        assert_eq!(t.get(x).op, Op::GuardInt);
    }
}
