//! The reference evaluator: an interpreter of trace IR implementing the compiled-trace
//! contract (`crate::TraceFn`), the oracle for the backends and the optimizer tests.
//!
//! Design: it is written for obviousness, not speed. It verifies the trace first
//! (`crate::verify`), then runs the instructions in order; `vals[r]` holds each
//! result in the contract's encoding (I64 as i64 bits, F64 as f64 bits, Bool as 0/1,
//! Val as the boxed bits, Void as 0). A guard that fails returns its snapshot index
//! and `vals`. The end of the vector jumps back to just after `Loop`; at that back edge
//! every `Phi` of the body takes the value of its b operand, all at once (a parallel
//! copy, so swapped phis work); when the body is entered from the pre-loop part a
//! `Phi` takes its a operand. Running off the end of a trace without `Loop` is an
//! error (the recorder always ends a trace with a loop or an unconditional exit).
//!
//! Semantics decided here that the backends must match:
//! - the Ov ops and `NegOv` exit when the exact result leaves [-2^47, 2^47);
//! - `FloorDiv` exits when b == 0 *and* when the result leaves the 48-bit range
//!   (-2^47 // -1), since its result is boxed without a check; `Mod` exits on b == 0;
//! - `FDiv` exits when b == 0.0 or -0.0;
//! - `Add`/`Sub` wrap (they are emitted only where overflow is impossible);
//! - `CallG` passes 0 for a missing operand;
//! - `Load`, `LoadConst` and `Store` touch real memory at the addresses the trace
//!   computes from its objects: a trace with memory ops must be run on the live
//!   objects it was recorded against (the same contract as the compiled code).

use crate::Helper;
use crate::ir::{EXIT_SENTINEL, Op, Trace, tags};

fn in_range(v: i64) -> bool {
    (tags::SMALL_INT_MIN..=tags::SMALL_INT_MAX).contains(&v)
}

/// Python's floor division and modulo on i64 (b != 0, no i64 overflow).
pub fn py_floordiv(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

pub fn py_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// The result of one instruction: a value, or an exit.
enum Step {
    Val(u64),
    Exit,
}

/// Runs `trace` on the frame `slots` with the helper table `helpers`. Returns the
/// index of the snapshot of the exit taken and the values of every instruction
/// (those a snapshot names are the ones the exit must read). Errors: a malformed
/// trace, a slot index out of range, a missing helper, or more than `max_iterations`
/// back edges.
pub fn eval(
    trace: &Trace,
    slots: &mut [u64],
    helpers: &[Helper],
    max_iterations: u64,
) -> Result<(u32, Vec<u64>), String> {
    crate::verify::verify(trace)?;
    let n = trace.ins.len();
    let loop_at = trace.loop_start();
    let mut vals = vec![0u64; n];
    let mut iterations = 0u64;
    let mut repeating = false;
    let mut pc = 0usize;
    loop {
        if pc == n {
            let Some(l) = loop_at else {
                return Err("the trace ran off its end without a Loop".into());
            };
            iterations += 1;
            if iterations > max_iterations {
                return Err(format!("more than {max_iterations} iterations"));
            }
            let phis: Vec<(usize, u64)> = (l + 1..n)
                .filter(|&i| trace.ins[i].op == Op::Phi)
                .map(|i| (i, vals[trace.ins[i].b.idx()]))
                .collect();
            for (i, v) in phis {
                vals[i] = v;
            }
            repeating = true;
            pc = l + 1;
            continue;
        }
        let ins = &trace.ins[pc];
        let a = if ins.a.is_none() {
            0
        } else {
            vals[ins.a.idx()]
        };
        let b = if ins.b.is_none() {
            0
        } else {
            vals[ins.b.idx()]
        };
        let (ia, ib) = (a as i64, b as i64);
        let (fa, fb) = (f64::from_bits(a), f64::from_bits(b));
        let int = |r: Option<i64>| match r {
            Some(v) if in_range(v) => Step::Val(v as u64),
            _ => Step::Exit,
        };
        let flt = |f: f64| Step::Val(f.to_bits());
        let bool_ = |c: bool| Step::Val(c as u64);
        let slot = |i: i64| -> Result<usize, String> {
            usize::try_from(i)
                .ok()
                .filter(|&i| i < slots.len())
                .ok_or_else(|| format!("{pc:04}: slot {i} out of range"))
        };
        let step = match ins.op {
            Op::KInt | Op::KFloat | Op::KVal => Step::Val(ins.imm as u64),
            Op::Slot => Step::Val(slots[slot(ins.imm)?]),
            Op::SetSlot => {
                slots[slot(ins.imm)?] = a;
                Step::Val(0)
            }
            Op::GuardInt => {
                if a >> tags::SHIFT == tags::INT {
                    Step::Val(tags::unbox_int(a) as u64)
                } else {
                    Step::Exit
                }
            }
            Op::GuardFloat => {
                if a < tags::FIRST_TAGGED {
                    Step::Val(a)
                } else {
                    Step::Exit
                }
            }
            Op::GuardBool => match a {
                tags::TRUE => Step::Val(1),
                tags::FALSE => Step::Val(0),
                _ => Step::Exit,
            },
            Op::GuardIs => {
                if a == ins.imm as u64 {
                    Step::Val(0)
                } else {
                    Step::Exit
                }
            }
            Op::BoxInt => Step::Val(tags::box_int(ia)),
            Op::BoxFloat => Step::Val(tags::box_float(fa)),
            Op::BoxBool => Step::Val(tags::box_bool(a != 0)),
            Op::AddOv => int(ia.checked_add(ib)),
            Op::SubOv => int(ia.checked_sub(ib)),
            Op::MulOv => int(ia.checked_mul(ib)),
            Op::NegOv => int(ia.checked_neg()),
            Op::Add => Step::Val(ia.wrapping_add(ib) as u64),
            Op::Sub => Step::Val(ia.wrapping_sub(ib) as u64),
            Op::Mul => Step::Val(ia.wrapping_mul(ib) as u64),
            Op::BAnd => Step::Val(a & b),
            Op::BOr => Step::Val(a | b),
            Op::BXor => Step::Val(a ^ b),
            Op::FloorDiv => int((ib != 0).then(|| py_floordiv(ia, ib))),
            Op::Mod => int((ib != 0).then(|| py_mod(ia, ib))),
            Op::FAdd => flt(fa + fb),
            Op::FSub => flt(fa - fb),
            Op::FMul => flt(fa * fb),
            Op::FDiv => {
                if fb == 0.0 {
                    Step::Exit
                } else {
                    flt(fa / fb)
                }
            }
            Op::FNeg => flt(-fa),
            Op::FSqrt => flt(fa.sqrt()),
            Op::IToF => flt(ia as f64),
            Op::ILt => bool_(ia < ib),
            Op::ILe => bool_(ia <= ib),
            Op::IEq => bool_(ia == ib),
            Op::INe => bool_(ia != ib),
            Op::IGt => bool_(ia > ib),
            Op::IGe => bool_(ia >= ib),
            Op::FLt => bool_(fa < fb),
            Op::FLe => bool_(fa <= fb),
            Op::FEq => bool_(fa == fb),
            Op::FNe => bool_(fa != fb),
            Op::FGt => bool_(fa > fb),
            Op::FGe => bool_(fa >= fb),
            Op::Not => bool_(a == 0),
            Op::Mask => Step::Val(if a != 0 { u64::MAX } else { 0 }),
            Op::GuardTrue => {
                if a != 0 {
                    Step::Val(0)
                } else {
                    Step::Exit
                }
            }
            Op::GuardFalse => {
                if a == 0 {
                    Step::Val(0)
                } else {
                    Step::Exit
                }
            }
            Op::CallG | Op::CallA | Op::CallR => {
                let index = if ins.op == Op::CallR {
                    crate::ir::RESIDUAL_HELPER
                } else {
                    ins.imm
                };
                let h = usize::try_from(index)
                    .ok()
                    .and_then(|i| helpers.get(i))
                    .ok_or_else(|| format!("{pc:04}: no helper {}", ins.imm))?;
                let r = h(a, b);
                if r == EXIT_SENTINEL {
                    Step::Exit
                } else {
                    Step::Val(r)
                }
            }
            Op::GuardObj => {
                if a >> tags::SHIFT == tags::OBJ {
                    Step::Val(a & tags::PAYLOAD_MASK)
                } else {
                    Step::Exit
                }
            }
            Op::ARef => Step::Val(a.wrapping_add(b.wrapping_mul(8))),
            Op::Load | Op::LoadConst => {
                let at = a.wrapping_add(ins.imm as u64) as *const u64;
                // SAFETY: by the contract above, the address is a field of a live object.
                Step::Val(unsafe { at.read_unaligned() })
            }
            Op::Store => {
                let at = a.wrapping_add(ins.imm as u64) as *mut u64;
                // SAFETY: as for loads.
                unsafe { at.write_unaligned(b) };
                Step::Val(0)
            }
            // a sunk allocation has no value: only an exit's client makes it
            Op::Loop | Op::Nop | Op::Count | Op::SinkA => Step::Val(0),
            Op::Exit => Step::Exit,
            Op::PVal | Op::Link | Op::SetVal => {
                return Err(format!(
                    "{pc:04}: {} needs other traces (the evaluator runs one)",
                    ins.op.mnemonic()
                ));
            }
            Op::Phi => Step::Val(if repeating { vals[pc] } else { a }),
        };
        match step {
            Step::Val(v) => vals[pc] = v,
            Step::Exit => return Ok((ins.snap, vals)),
        }
        pc += 1;
    }
}

/// The boxed value of ref `r` after a run: what an exit puts on the interpreter's
/// stack for a snapshot entry (by the ref's type).
pub fn boxed(trace: &Trace, vals: &[u64], r: crate::Ref) -> u64 {
    let v = vals[r.idx()];
    match trace.ins[r.idx()].ty {
        crate::Ty::I64 => tags::box_int(v as i64),
        crate::Ty::F64 => tags::box_float(f64::from_bits(v)),
        crate::Ty::Bool => tags::box_bool(v != 0),
        _ => v,
    }
}

/// What an exit observes: the pc to resume at and the boxed operand stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitState {
    pub snapshot: u32,
    pub pc: u32,
    pub stack: Vec<u64>,
}

/// Runs `eval` and decodes the exit's snapshot into an `ExitState`, making the
/// exit's delayed slot stores in `slots`.
pub fn run_to_exit(
    trace: &Trace,
    slots: &mut [u64],
    helpers: &[Helper],
    max_iterations: u64,
) -> Result<ExitState, String> {
    let (snap, vals) = eval(trace, slots, helpers, max_iterations)?;
    let s = &trace.snapshots[snap as usize];
    if let Some(r) = s.refs().find(|&r| trace.is_sunk(r)) {
        return Err(format!(
            "snapshot {snap} names the sunk allocation {r}: only the client can make it"
        ));
    }
    // the exit makes the stores the trace delayed (see `opt::sink`)
    for &(slot, r) in &s.slots {
        let i = slot as usize;
        if i >= slots.len() {
            return Err(format!("snapshot slot {i} out of range"));
        }
        slots[i] = boxed(trace, &vals, r);
    }
    Ok(ExitState {
        snapshot: snap,
        pc: s.pc,
        stack: s.stack.iter().map(|&r| boxed(trace, &vals, r)).collect(),
    })
}
