//! Store sinking: frame-slot stores leave the trace and move into the snapshots, so
//! ints, floats and bools stay unboxed in registers across iterations and are boxed
//! only when an exit writes them back.
//!
//! Design. The recorder writes every local through to the frame (`SetSlot` of a
//! box), which costs a box and a store per assignment per iteration, although only
//! an exit ever looks at the frame while the trace runs (helpers never read slots,
//! and the collector never runs inside a trace). So a store can be delayed to the
//! exits: each guard's snapshot gets the list of delayed stores live at that point
//! (slot -> the *unboxed* value; the exit boxes it by its type, as it does the
//! operand stack), and the `SetSlot`s go away, taking their boxes with them (DCE).
//!
//! - Looping traces are sunk only after `loop` peeled them: at the top of the body
//!   the value of every slot the body stores is the phi `loop_peel` made for it
//!   (`LoopSlots`); nothing is stored on the back edge, the phis carry the values.
//!   The trace starts with nothing delayed (memory is current when it is entered);
//!   slots only the pre-loop part stores keep that value through the loop.
//! - Linking traces (side traces, traces ending at another loop) end by jumping to
//!   a trace that reads its locals from the frame, so the delayed stores are made
//!   just before the `Link`, except those of slots handed to the target body's
//!   phis (`Trace::handed`).
//! - A `Slot` load of a delayed slot reads the delayed value instead (so the pass
//!   is correct without `fwd`); if one would read a slot whose value at the top of
//!   the body is only known as a phi (never, after `loop`), the pass gives up and
//!   leaves the trace alone.
//! - A snapshot leaves out the delayed stores of slots dead at its pc
//!   (`Snapshot::dead`, from the recorder's bytecode liveness): the interpreter
//!   overwrites them before it reads them, so no exit keeps such a value alive and
//!   a loop's temporaries need no phis.
//! - Two guards sharing a snapshot but seeing different delayed stores get their
//!   own copies of it.
//! - Slots the client put in a snapshot itself (`Trace::snapshot_with_slots`: a
//!   local holding an object the trace has not made, which no `SetSlot` stores)
//!   stay, over any delayed store of the same slot.

use crate::fastmap::FastMap;
use std::collections::{BTreeMap, BTreeSet};

use super::{NOP, Subst};
use crate::ir::{Ins, Op, Ref, Trace, Ty};

/// Sinks the trace's stores; returns whether it changed the trace.
pub fn run(t: &mut Trace, loop_slots: Option<&[(u32, Ref)]>) -> bool {
    let lp = match loop_slots {
        Some(_) => match t.loop_start() {
            Some(l) => Some(l),
            None => return false,
        },
        None => None,
    };
    if !t.ins.iter().any(|i| i.op == Op::SetSlot) || !safe(t, lp, loop_slots) {
        return false;
    }
    let n = t.ins.len();
    // (slots the client wrote into snapshots itself: they win over the delayed
    // stores of the same slots, whose values they replaced)
    let given_by_client: Vec<Vec<(u32, Ref)>> =
        t.snapshots.iter().map(|s| s.slots.clone()).collect();
    let mut subst = Subst::new(n);
    // slot -> (boxed value for loads, value the exit boxes)
    let mut pending: BTreeMap<u32, (Ref, Ref)> = BTreeMap::new();
    let mut given: FastMap<u32, Vec<(u32, Ref)>> = FastMap::default();
    for i in 0..n {
        let mut ins = t.ins[i];
        subst.operands(&mut ins);
        t.ins[i] = ins;
        if Some(i) == lp {
            // slots the body stores are its phis from here on; others keep the
            // value the pre-loop part left (the body never changes it)
            for &(s, v) in loop_slots.unwrap_or(&[]) {
                pending.insert(s, (Ref::NONE, v));
            }
            continue;
        }
        match ins.op {
            Op::SetSlot => {
                let v = ins.a;
                let vi = t.ins[v.idx()];
                let raw = match vi.op {
                    Op::BoxInt | Op::BoxFloat | Op::BoxBool => vi.a,
                    _ => v,
                };
                pending.insert(ins.imm as u32, (v, raw));
                t.ins[i] = NOP;
            }
            Op::Slot => {
                if let Some(&(boxed, _)) = pending.get(&(ins.imm as u32)) {
                    // `safe` ruled out loads of phi-only slots
                    subst.set(Ref(i as u32), boxed);
                    t.ins[i] = NOP;
                }
            }
            _ if ins.op.is_guard() => {
                let snap = &t.snapshots[ins.snap as usize];
                let own = given_by_client
                    .get(ins.snap as usize)
                    .map_or(&[][..], |v| &v[..]);
                let mut slots: Vec<(u32, Ref)> = pending
                    .iter()
                    .filter(|&(&s, _)| !snap.is_dead(s) && !own.iter().any(|&(o, _)| o == s))
                    .map(|(&s, &(_, v))| (s, v))
                    .collect();
                if !own.is_empty() {
                    slots.extend_from_slice(own);
                    slots.sort_unstable_by_key(|&(s, _)| s);
                }
                match given.get(&ins.snap) {
                    None => {
                        t.snapshots[ins.snap as usize].slots = slots.clone();
                        given.insert(ins.snap, slots);
                    }
                    Some(prev) if *prev == slots => {}
                    Some(_) => {
                        let mut copy = t.snapshots[ins.snap as usize].clone();
                        copy.slots = slots;
                        t.snapshots.push(copy);
                        t.ins[i].snap = t.snapshots.len() as u32 - 1;
                    }
                }
            }
            _ => {}
        }
    }
    if t.links() {
        let link = t.ins.pop().expect("a linking trace ends with its link");
        for (&slot, &(boxed, _)) in &pending {
            if t.handed.contains(&slot) {
                continue;
            }
            t.ins.push(Ins {
                op: Op::SetSlot,
                ty: Ty::Void,
                a: boxed,
                b: Ref::NONE,
                imm: slot as i64,
                snap: u32::MAX,
            });
        }
        t.ins.push(link);
    }
    subst.finish(t);
    true
}

/// Whether every load of a slot the body stores comes after the body's store (so
/// the delayed value is known as a box), and a linking trace has no loop.
fn safe(t: &Trace, lp: Option<usize>, loop_slots: Option<&[(u32, Ref)]>) -> bool {
    let Some(l) = lp else {
        return t.loop_start().is_none();
    };
    let carried: BTreeSet<i64> = loop_slots
        .unwrap_or(&[])
        .iter()
        .map(|&(s, _)| s as i64)
        .collect();
    let mut stored = BTreeSet::new();
    for ins in &t.ins[l + 1..] {
        match ins.op {
            Op::SetSlot => {
                stored.insert(ins.imm);
            }
            Op::Slot if carried.contains(&ins.imm) && !stored.contains(&ins.imm) => {
                return false;
            }
            _ => {}
        }
    }
    true
}
