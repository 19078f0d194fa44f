//! Structural checks of a trace: the invariants the passes, the evaluator and the
//! backends rely on.
//!
//! Design: the optimizer rewrites refs all the time; a ref that points at a removed
//! instruction, forward, or at a value defined after the guard whose snapshot names it
//! would silently read a stale value (in compiled code and in `eval` alike). So `eval`
//! verifies first, and the tests verify after every pass.

use crate::ir::{Op, Ref, Trace, Ty};

/// Which operands an op reads, and the type they must have (`None`: any non-void).
fn operands(op: Op) -> (Option<Option<Ty>>, Option<Option<Ty>>) {
    use Op::*;
    let int = Some(Some(Ty::I64));
    let flt = Some(Some(Ty::F64));
    match op {
        KInt | KFloat | KVal | Slot | Loop | Nop | PVal | Count | Link | Exit => (None, None),
        SetSlot | GuardInt | GuardFloat | GuardBool | GuardIs => (Some(Some(Ty::Val)), None),
        BoxInt | NegOv | IToF => (int, None),
        BoxFloat | FNeg | FSqrt => (flt, None),
        BoxBool | Not | Mask | GuardTrue | GuardFalse => (Some(Some(Ty::Bool)), None),
        AddOv | SubOv | MulOv | Add | Sub | Mul | BAnd | BOr | BXor | FloorDiv | Mod | ILt
        | ILe | IEq | INe | IGt | IGe => (int, int),
        FAdd | FSub | FMul | FDiv | FLt | FLe | FEq | FNe | FGt | FGe => (flt, flt),
        CallG | CallA | SinkA | CallR | Phi => (Some(None), Some(None)),
        GuardObj => (Some(Some(Ty::Val)), None),
        SetVal => (Some(None), None),
        ARef => (Some(Some(Ty::Ptr)), int),
        Load | LoadConst => (Some(Some(Ty::Ptr)), None),
        Store => (Some(Some(Ty::Ptr)), Some(None)),
    }
}

/// Checks the trace; the error names the first offending instruction.
pub fn verify(t: &Trace) -> Result<(), String> {
    let n = t.ins.len();
    let loops: Vec<usize> = (0..n).filter(|&i| t.ins[i].op == Op::Loop).collect();
    if loops.len() > 1 {
        return Err(format!("{} Loop markers", loops.len()));
    }
    let l = loops.first().copied();
    let mut phis_done = false;
    let def = |r: Ref, at: usize, what: &str| -> Result<Ty, String> {
        if r.is_none() || r.idx() >= n {
            return Err(format!("{at:04}: {what} {r} out of range"));
        }
        let ins = &t.ins[r.idx()];
        if ins.op == Op::Nop || ins.ty == Ty::Void {
            return Err(format!(
                "{at:04}: {what} {r} is {} (no value)",
                ins.op.mnemonic()
            ));
        }
        Ok(ins.ty)
    };
    for (i, ins) in t.ins.iter().enumerate() {
        if ins.op == Op::Nop {
            continue;
        }
        let name = ins.op.mnemonic();
        if ins.op == Op::Link && (i + 1 != n || l.is_some()) {
            return Err(format!("{i:04}: link must end a trace without a loop"));
        }
        if ins.op == Op::Exit && (i + 1 != n || l.is_some()) {
            return Err(format!("{i:04}: exit must end a trace without a loop"));
        }
        match ins.op {
            Op::Phi => {
                let Some(l) = l.filter(|&l| l < i) else {
                    return Err(format!("{i:04}: phi outside the loop body"));
                };
                if phis_done {
                    return Err(format!(
                        "{i:04}: phi after non-phi instructions of the body"
                    ));
                }
                let ta = def(ins.a, i, "phi entry value")?;
                if ins.a.idx() >= l {
                    return Err(format!(
                        "{i:04}: phi entry value {} is not defined before the loop",
                        ins.a
                    ));
                }
                let tb = def(ins.b, i, "phi loop value")?;
                if ta != ins.ty || tb != ins.ty {
                    return Err(format!(
                        "{i:04}: phi of type {} has operands {} and {}",
                        ins.ty.name(),
                        ta.name(),
                        tb.name()
                    ));
                }
            }
            _ => {
                if l.is_some_and(|l| l < i) {
                    phis_done = true;
                }
                let (ea, eb) = operands(ins.op);
                for (r, exp, what) in [(ins.a, ea, "operand a"), (ins.b, eb, "operand b")] {
                    match exp {
                        None => {
                            if !r.is_none() {
                                return Err(format!("{i:04}: {name} has an unexpected {what}"));
                            }
                        }
                        Some(exp) => {
                            if matches!(ins.op, Op::CallG | Op::CallA | Op::SinkA | Op::CallR)
                                && r.is_none()
                            {
                                continue;
                            }
                            let ty = def(r, i, what)?;
                            if ins.op != Op::SinkA && t.is_sunk(r) {
                                return Err(format!(
                                    "{i:04}: {name} {what} {r} is a sunk allocation"
                                ));
                            }
                            if r.idx() >= i {
                                return Err(format!(
                                    "{i:04}: {name} {what} {r} is not defined yet"
                                ));
                            }
                            if let Some(exp) = exp
                                && ty != exp
                            {
                                return Err(format!(
                                    "{i:04}: {name} {what} {r} is {} not {}",
                                    ty.name(),
                                    exp.name()
                                ));
                            }
                        }
                    }
                }
                let want = ins.op.result_ty();
                let ok = match ins.op {
                    Op::KInt => matches!(ins.ty, Ty::I64 | Ty::Bool | Ty::Ptr),
                    Op::PVal => ins.ty != Ty::Void,
                    Op::Load | Op::LoadConst => ins.ty != Ty::Void,
                    _ => ins.ty == want,
                };
                if !ok {
                    return Err(format!("{i:04}: {name} has type {}", ins.ty.name()));
                }
            }
        }
        if ins.op.is_guard() {
            let Some(s) = t.snapshots.get(ins.snap as usize) else {
                return Err(format!(
                    "{i:04}: {name} names missing snapshot {}",
                    ins.snap
                ));
            };
            for r in s.refs() {
                if def(r, i, "snapshot entry")? == Ty::Ptr {
                    return Err(format!("{i:04}: snapshot names the raw pointer {r}"));
                }
                if r.idx() >= i {
                    return Err(format!(
                        "{i:04}: snapshot {} names {r}, not defined before the guard",
                        ins.snap
                    ));
                }
            }
        }
    }
    Ok(())
}
