//! Loop peeling with phis: invariant code runs once, loop-carried locals stay unboxed
//! (LuaJIT's lj_opt_loop.c idea, adapted to write-through frame slots).
//!
//! Design. A recorded loop body reloads and re-guards every local each iteration:
//! `Slot(i)`, `GuardInt`, ... The pass copies the body once, before the `Loop` marker
//! (the *peeled* first iteration, refs substituted), then re-emits the body after the
//! marker for the remaining iterations with two substitutions:
//!
//! - Invariants. A pure op or a non-`CallG` guard whose operands map to the same refs
//!   as in the peeled copy computes the same value as its peeled twin (and a guard that
//!   passed once cannot fail on the same inputs), so it is not emitted: uses go to the
//!   twin. A `Slot(i)` load of a slot the body never stores reads the same value as its
//!   peeled twin (no one else writes frame slots: helpers don't). So loads and guards
//!   of loop-invariant locals (`n` in `while i < n`) run once, in the peeled part.
//! - Loop-carried slots. A `Slot(i)` read in the body before the body's first store to
//!   i reads what the previous iteration stored last: `Phi(peeled value, body value)`.
//!   When that last stored value is `BoxInt(x)` (or `BoxFloat`, `BoxBool`), the phi is
//!   made on the unboxed x and the load becomes `BoxInt(phi)`, so `GuardInt` of the
//!   load folds to the phi: the int stays in a register from iteration to iteration
//!   with neither reload nor re-guard. A later load of a slot already stored in the
//!   same iteration is the stored value (forwarding, done here so that the pass is
//!   correct without `fwd`).
//!
//! Stores stay (`SetSlot` in the body), except the body's only store to a slot when
//! it stores an invariant value (the peeled iteration already did): memory is current at every exit, so snapshots
//! still need only the operand stack. The phis sit right after `Loop`, followed by the
//! boxes of the boxed-slot phis; on the back edge all phis take their b at once.
//!
//! Body guards keep their snapshot indices (their stacks are rewritten to the new
//! refs); the peeled guards get copies, so an exit in the first iteration reports a
//! new snapshot index with the same pc and the same stack values. The pass needs a
//! trace without phis (it runs once) and a non-empty body; the clean-up (folding the
//! guards of boxed phis, CSE, DCE of unused boxes) is left to the passes run after it.

use super::is_pure;
use crate::fastmap::FastMap;
use crate::ir::{Ins, Op, Ref, Snapshot, Trace, Ty};
use std::collections::{BTreeMap, BTreeSet};

fn map(m: &[Ref], r: Ref) -> Ref {
    if r.is_none() { r } else { m[r.idx()] }
}

fn push(t: &mut Trace, ins: Ins) -> Ref {
    t.ins.push(ins);
    Ref(t.ins.len() as u32 - 1)
}

/// The value of each slot the body stores, at the start of an iteration: its phi
/// (unboxed when the slot holds a box), for the `sink` pass.
pub type LoopSlots = Vec<(u32, Ref)>;

/// Peels one iteration; returns None (and leaves the trace alone) when there is no
/// loop, an empty body, or phis already. Every slot the body stores gets a phi,
/// even when the body never reads it first, so that `sink` can name its value at
/// any exit of the body.
pub fn run(t: &mut Trace) -> Option<LoopSlots> {
    let l = t.loop_start()?;
    let n = t.ins.len();
    if l + 1 == n || t.ins.iter().any(|i| i.op == Op::Phi) {
        return None;
    }
    let old = std::mem::take(&mut t.ins);
    let body = l + 1..n;

    // The body's use of frame slots.
    let mut stored = BTreeSet::new();
    let mut store_count: FastMap<i64, usize> = FastMap::default();
    let mut last_store: BTreeMap<i64, Ref> = BTreeMap::new();
    for ins in old[body.clone()].iter().filter(|i| i.op == Op::SetSlot) {
        stored.insert(ins.imm);
        *store_count.entry(ins.imm).or_default() += 1;
        last_store.insert(ins.imm, ins.a);
    }

    // Pre-loop part, unchanged.
    t.ins.extend_from_slice(&old[..l]);
    let ident: Vec<Ref> = (0..n)
        .map(|i| if i < l { Ref(i as u32) } else { Ref::NONE })
        .collect();

    // The peeled first iteration.
    let mut p = ident.clone();
    let mut peel_snaps: FastMap<u32, u32> = FastMap::default();
    for r in body.clone() {
        let ins = old[r];
        if ins.op == Op::Nop {
            continue;
        }
        let mut c = ins;
        c.a = map(&p, ins.a);
        c.b = map(&p, ins.b);
        if ins.op.is_guard() {
            c.snap = match peel_snaps.get(&ins.snap) {
                Some(&s) => s,
                None => {
                    let orig = &t.snapshots[ins.snap as usize];
                    let s = Snapshot {
                        pc: orig.pc,
                        stack: orig.stack.iter().map(|&x| map(&p, x)).collect(),
                        slots: orig.slots.iter().map(|&(k, x)| (k, map(&p, x))).collect(),
                        dead: orig.dead.clone(),
                    };
                    t.snapshots.push(s);
                    let idx = t.snapshots.len() as u32 - 1;
                    peel_snaps.insert(ins.snap, idx);
                    idx
                }
            };
        }
        p[r] = push(t, c);
    }
    push(t, old[l]);

    // Phis for the loop-carried slots, then the boxes of the unboxed ones.
    let mut b = ident;
    let mut mem: FastMap<i64, Ref> = FastMap::default();
    let mut phis: Vec<(Ref, Ref)> = Vec::new();
    let mut boxes: Vec<(i64, Ref, Option<Op>)> = Vec::new();
    let mut loop_slots = LoopSlots::new();
    t.carried = stored.iter().map(|&s| s as u32).collect();
    for &slot in &stored {
        let v = last_store[&slot];
        let vi = old[v.idx()];
        let (ty, x, boxop) = match vi.op {
            Op::BoxInt => (Ty::I64, vi.a, Some(Op::BoxInt)),
            Op::BoxFloat => (Ty::F64, vi.a, Some(Op::BoxFloat)),
            Op::BoxBool => (Ty::Bool, vi.a, Some(Op::BoxBool)),
            _ => (Ty::Val, v, None),
        };
        let phi = push(
            t,
            Ins {
                op: Op::Phi,
                ty,
                a: map(&p, x),
                b: Ref::NONE,
                imm: slot,
                snap: u32::MAX,
            },
        );
        phis.push((phi, x));
        boxes.push((slot, phi, boxop));
        loop_slots.push((slot as u32, phi));
    }
    for (slot, phi, boxop) in boxes {
        let val = match boxop {
            Some(op) => push(
                t,
                Ins {
                    op,
                    ty: Ty::Val,
                    a: phi,
                    b: Ref::NONE,
                    imm: 0,
                    snap: u32::MAX,
                },
            ),
            None => phi,
        };
        mem.insert(slot, val);
    }

    // The loop body proper.
    let mut body_snaps = BTreeSet::new();
    for r in body {
        let ins = old[r];
        let (a, bb) = (map(&b, ins.a), map(&b, ins.b));
        match ins.op {
            Op::Nop => {}
            Op::Slot => {
                if let Some(&v) = mem.get(&ins.imm) {
                    b[r] = v;
                } else if !stored.contains(&ins.imm) {
                    b[r] = p[r];
                    mem.insert(ins.imm, p[r]);
                } else {
                    // not reached: a stored slot is either carried (phi) or stored
                    // earlier in this iteration; a load is always correct
                    b[r] = push(t, ins);
                    mem.insert(ins.imm, b[r]);
                }
            }
            Op::SetSlot => {
                // The only store to a slot, of an invariant value: the peeled twin
                // already left that value there and nothing else writes the slot.
                if !(a == map(&p, ins.a) && store_count[&ins.imm] == 1) {
                    push(t, Ins { a, ..ins });
                }
                mem.insert(ins.imm, a);
            }
            op if is_pure(op) && a == map(&p, ins.a) && bb == map(&p, ins.b) => b[r] = p[r],
            _ => {
                if ins.op.is_guard() && body_snaps.insert(ins.snap) {
                    let s = &mut t.snapshots[ins.snap as usize];
                    for x in s.refs_mut() {
                        *x = map(&b, *x);
                    }
                }
                b[r] = push(t, Ins { a, b: bb, ..ins });
            }
        }
    }
    for (phi, x) in phis {
        t.ins[phi.idx()].b = map(&b, x);
    }

    // Snapshots no guard uses any more may name refs of the old numbering.
    let mut used = vec![false; t.snapshots.len()];
    for ins in &t.ins {
        if ins.op.is_guard() {
            used[ins.snap as usize] = true;
        }
    }
    for (s, used) in t.snapshots.iter_mut().zip(used) {
        if !used {
            s.stack.clear();
            s.slots.clear();
        }
    }
    Some(loop_slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_traces_without_a_loop_body_alone() {
        let mut t = Trace::new();
        t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        assert!(run(&mut t).is_none());
        t.emit(Op::Loop, Ty::Void, Ref::NONE, Ref::NONE, 0, None);
        assert!(run(&mut t).is_none(), "empty body");
        t.emit(Op::SetSlot, Ty::Void, Ref(0), Ref::NONE, 1, None);
        assert!(run(&mut t).is_some());
        crate::verify(&t).unwrap();
    }
}
