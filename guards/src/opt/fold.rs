//! Constant folding and algebraic simplification (LuaJIT's lj_opt_fold.c, as a pass).
//!
//! Design: one forward sweep; each instruction, with its operands already substituted,
//! is matched against a small set of rules and becomes one of: unchanged, a constant
//! (rewritten in place, same ref), an earlier ref (the instruction becomes `Nop` and its
//! uses are redirected), removed (a guard that cannot fail), or a rewritten guard.
//!
//! The Ov ops are guards: `AddOv(k1, k2)` folds only when the exact result is in the
//! 48-bit range, and then the guard disappears; out of range it is kept (it always
//! exits, which is what the interpreter must see). Identities like `x + 0 -> x` rely on
//! every non-constant I64 being in range already (see `opt` module docs).
//!
//! Float rules are only those exact under IEEE 754: `x * 1.0`, `x / 1.0`, `x - 0.0`,
//! `-(-x)`; not `x + 0.0` (-0.0 + 0.0 is +0.0) nor `x - x` (inf, NaN).
//! `GuardFloat(BoxFloat(x)) -> x` may differ from boxing-then-unboxing in a NaN payload,
//! which nothing can observe: every way out of the trace boxes (and canonicalises).
//!
//! Snapshot entries `BoxInt(x)` (and the float and bool boxes) become x: an exit boxes
//! every entry by its type anyway, and the box may then die.
//!
//! `BoxInt(GuardInt(v))` is equal to `v` bit for bit but is deliberately kept: a store
//! `SetSlot(i, BoxInt(x))` is how the loop pass recognises that slot i carries an
//! unboxed int from one iteration to the next.

use super::{NOP, Subst, make_const};
use crate::ir::{Ins, Op, Ref, Trace, Ty, tags};

enum Fold {
    Keep,
    Int(Ty, i64),
    Float(f64),
    Val(u64),
    To(Ref),
    Remove,
    Rewrite(Op),
}

fn in_range(v: i64) -> bool {
    (tags::SMALL_INT_MIN..=tags::SMALL_INT_MAX).contains(&v)
}

pub fn run(t: &mut Trace) {
    let mut s = Subst::new(t.ins.len());
    for i in 0..t.ins.len() {
        let mut ins = t.ins[i];
        s.operands(&mut ins);
        t.ins[i] = ins;
        match fold(t, &ins) {
            Fold::Keep => {}
            Fold::Int(ty, v) => make_const(t, i, Op::KInt, ty, v),
            Fold::Float(f) => make_const(t, i, Op::KFloat, Ty::F64, f.to_bits() as i64),
            Fold::Val(v) => make_const(t, i, Op::KVal, Ty::Val, v as i64),
            Fold::To(r) => {
                t.ins[i] = NOP;
                s.set(Ref(i as u32), r);
            }
            Fold::Remove => t.ins[i] = NOP,
            Fold::Rewrite(op) => {
                t.ins[i].op = op;
                t.ins[i].a = t.ins[ins.a.idx()].a;
            }
        }
    }
    // Phi(a, a) and Phi(a, itself) are just a (their b may have been substituted only
    // after the sweep passed them).
    for i in 0..t.ins.len() {
        if t.ins[i].op == Op::Phi {
            let (a, b) = (s.get(t.ins[i].a), s.get(t.ins[i].b));
            if a == b || b == Ref(i as u32) {
                t.folded_phis.push(t.ins[i].imm as u32);
                t.ins[i] = NOP;
                s.set(Ref(i as u32), a);
            }
        }
    }
    s.finish(t);
    // An exit boxes snapshot entries by their type, so `BoxInt(x)` there is just x.
    for snap in &mut t.snapshots {
        for r in &mut snap.stack {
            let ins = t.ins[r.idx()];
            if matches!(ins.op, Op::BoxInt | Op::BoxFloat | Op::BoxBool) {
                *r = ins.a;
            }
        }
    }
}

pub(super) fn kint(t: &Trace, r: Ref) -> Option<i64> {
    let ins = t.get(r);
    (ins.op == Op::KInt && ins.ty == Ty::I64).then_some(ins.imm)
}

fn kbool(t: &Trace, r: Ref) -> Option<bool> {
    let ins = t.get(r);
    (ins.op == Op::KInt && ins.ty == Ty::Bool).then_some(ins.imm != 0)
}

fn kfloat(t: &Trace, r: Ref) -> Option<f64> {
    let ins = t.get(r);
    (ins.op == Op::KFloat).then_some(f64::from_bits(ins.imm as u64))
}

fn kval(t: &Trace, r: Ref) -> Option<u64> {
    let ins = t.get(r);
    (ins.op == Op::KVal).then_some(ins.imm as u64)
}

fn fold(t: &Trace, ins: &Ins) -> Fold {
    use Op::*;
    let (a, b) = (ins.a, ins.b);
    let ia = if a.is_none() { None } else { Some(t.get(a)) };
    let op_a = ia.map(|x| x.op);
    let checked = |v: Option<i64>| match v {
        Some(v) if in_range(v) => Fold::Int(Ty::I64, v),
        _ => Fold::Keep,
    };
    let boolean = |c: bool| Fold::Int(Ty::Bool, c as i64);
    match ins.op {
        // integer arithmetic
        AddOv | SubOv | MulOv | Add | Sub | Mul | BAnd | BOr | BXor | FloorDiv | Mod => {
            if let (Some(x), Some(y)) = (kint(t, a), kint(t, b)) {
                return match ins.op {
                    AddOv | Add => checked(x.checked_add(y)),
                    SubOv | Sub => checked(x.checked_sub(y)),
                    MulOv | Mul => checked(x.checked_mul(y)),
                    BAnd => Fold::Int(Ty::I64, x & y),
                    BOr => Fold::Int(Ty::I64, x | y),
                    BXor => Fold::Int(Ty::I64, x ^ y),
                    FloorDiv if y != 0 => {
                        checked(x.checked_div(y).map(|_| crate::eval::py_floordiv(x, y)))
                    }
                    Mod if y != 0 => checked(x.checked_rem(y).map(|_| crate::eval::py_mod(x, y))),
                    _ => Fold::Keep,
                };
            }
            let (ka, kb) = (kint(t, a), kint(t, b));
            match (ins.op, ka, kb) {
                (AddOv | Add | BOr | BXor, _, Some(0)) | (SubOv | Sub, _, Some(0)) => Fold::To(a),
                (AddOv | Add | BOr | BXor, Some(0), _) => Fold::To(b),
                (MulOv | FloorDiv, _, Some(1)) | (BAnd, _, Some(-1)) => Fold::To(a),
                (MulOv, Some(1), _) | (BAnd, Some(-1), _) => Fold::To(b),
                (MulOv | BAnd, _, Some(0))
                | (MulOv | BAnd, Some(0), _)
                | (Mod, _, Some(1) | Some(-1)) => Fold::Int(Ty::I64, 0),
                (SubOv | Sub | BXor, _, _) if a == b => Fold::Int(Ty::I64, 0),
                (BAnd | BOr, _, _) if a == b => Fold::To(a),
                _ => Fold::Keep,
            }
        }
        NegOv => checked(kint(t, a).and_then(i64::checked_neg)),
        // float arithmetic
        FAdd | FSub | FMul | FDiv => {
            if let (Some(x), Some(y)) = (kfloat(t, a), kfloat(t, b)) {
                return match ins.op {
                    FAdd => Fold::Float(x + y),
                    FSub => Fold::Float(x - y),
                    FMul => Fold::Float(x * y),
                    _ if y != 0.0 => Fold::Float(x / y),
                    _ => Fold::Keep,
                };
            }
            match (ins.op, kfloat(t, a), kfloat(t, b).map(f64::to_bits)) {
                (FMul | FDiv, _, Some(one)) if one == 1.0f64.to_bits() => Fold::To(a),
                (FMul, Some(x), _) if x.to_bits() == 1.0f64.to_bits() => Fold::To(b),
                (FSub, _, Some(0)) => Fold::To(a),
                _ => Fold::Keep,
            }
        }
        FNeg => match (kfloat(t, a), ia) {
            (Some(x), _) => Fold::Float(-x),
            (_, Some(x)) if x.op == FNeg => Fold::To(x.a),
            _ => Fold::Keep,
        },
        IToF => kint(t, a).map_or(Fold::Keep, |x| Fold::Float(x as f64)),
        FSqrt => kfloat(t, a).map_or(Fold::Keep, |x| Fold::Float(x.sqrt())),
        // comparisons
        ILt | ILe | IEq | INe | IGt | IGe => {
            let cmp = |x: i64, y: i64| match ins.op {
                ILt => x < y,
                ILe => x <= y,
                IEq => x == y,
                INe => x != y,
                IGt => x > y,
                _ => x >= y,
            };
            match (kint(t, a), kint(t, b)) {
                (Some(x), Some(y)) => boolean(cmp(x, y)),
                _ if a == b => boolean(cmp(0, 0)),
                _ => Fold::Keep,
            }
        }
        FLt | FLe | FEq | FNe | FGt | FGe => match (kfloat(t, a), kfloat(t, b)) {
            (Some(x), Some(y)) => boolean(match ins.op {
                FLt => x < y,
                FLe => x <= y,
                FEq => x == y,
                FNe => x != y,
                FGt => x > y,
                _ => x >= y,
            }),
            _ => Fold::Keep,
        },
        Not => match (kbool(t, a), ia) {
            (Some(x), _) => boolean(!x),
            (_, Some(x)) if x.op == Not => Fold::To(x.a),
            _ => Fold::Keep,
        },
        Mask => match kbool(t, a) {
            Some(x) => Fold::Int(Ty::I64, -(x as i64)),
            None => Fold::Keep,
        },
        // boxing and type guards
        BoxInt => match kint(t, a) {
            Some(x) if in_range(x) => Fold::Val(tags::box_int(x)),
            _ => Fold::Keep,
        },
        BoxFloat => kfloat(t, a).map_or(Fold::Keep, |x| Fold::Val(tags::box_float(x))),
        BoxBool => kbool(t, a).map_or(Fold::Keep, |x| Fold::Val(tags::box_bool(x))),
        GuardInt | GuardFloat | GuardBool => {
            let unbox = match ins.op {
                GuardInt => BoxInt,
                GuardFloat => BoxFloat,
                _ => BoxBool,
            };
            if op_a == Some(unbox) {
                return Fold::To(ia.unwrap().a);
            }
            match (ins.op, kval(t, a)) {
                (GuardInt, Some(v)) if v >> tags::SHIFT == tags::INT => {
                    Fold::Int(Ty::I64, tags::unbox_int(v))
                }
                (GuardFloat, Some(v)) if v < tags::FIRST_TAGGED => Fold::Float(f64::from_bits(v)),
                (GuardBool, Some(v)) if v == tags::TRUE || v == tags::FALSE => {
                    boolean(v == tags::TRUE)
                }
                _ => Fold::Keep,
            }
        }
        GuardIs => match kval(t, a) {
            Some(v) if v == ins.imm as u64 => Fold::Remove,
            _ => Fold::Keep,
        },
        GuardTrue | GuardFalse => match (kbool(t, a), op_a) {
            (Some(c), _) => {
                if c == (ins.op == GuardTrue) {
                    Fold::Remove
                } else {
                    Fold::Keep
                }
            }
            (_, Some(Not)) => Fold::Rewrite(if ins.op == GuardTrue {
                GuardFalse
            } else {
                GuardTrue
            }),
            _ => Fold::Keep,
        },
        _ => Fold::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opt::live_count;

    fn k(t: &mut Trace, v: i64) -> Ref {
        t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, v, None)
    }

    #[test]
    fn folds_in_range_and_keeps_overflowing_guards() {
        let mut t = Trace::new();
        let s = t.snapshot(0, vec![]);
        let a = k(&mut t, 40);
        let b = k(&mut t, 2);
        let sum = t.emit(Op::AddOv, Ty::I64, a, b, 0, Some(s));
        let big = k(&mut t, tags::SMALL_INT_MAX);
        let ov = t.emit(Op::AddOv, Ty::I64, big, b, 0, Some(s));
        let bx = t.emit(Op::BoxInt, Ty::Val, sum, Ref::NONE, 0, None);
        t.emit(Op::SetSlot, Ty::Void, bx, Ref::NONE, 0, None);
        let bo = t.emit(Op::BoxInt, Ty::Val, ov, Ref::NONE, 0, None);
        t.emit(Op::SetSlot, Ty::Void, bo, Ref::NONE, 1, None);
        run(&mut t);
        assert_eq!(t.get(sum).op, Op::KInt);
        assert_eq!(t.get(sum).imm, 42);
        assert_eq!(t.get(bx).op, Op::KVal);
        assert_eq!(t.get(bx).imm as u64, tags::box_int(42));
        assert_eq!(t.get(ov).op, Op::AddOv, "overflowing add must stay a guard");
        crate::verify(&t).unwrap();
    }

    #[test]
    fn identities_and_unboxing() {
        let mut t = Trace::new();
        let s = t.snapshot(0, vec![]);
        let v = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let x = t.emit(Op::GuardInt, Ty::I64, v, Ref::NONE, 0, Some(s));
        let z = k(&mut t, 0);
        let x0 = t.emit(Op::AddOv, Ty::I64, x, z, 0, Some(s));
        let one = k(&mut t, 1);
        let x1 = t.emit(Op::MulOv, Ty::I64, one, x0, 0, Some(s));
        let d = t.emit(Op::SubOv, Ty::I64, x1, x, 0, Some(s));
        let bx = t.emit(Op::BoxInt, Ty::Val, x1, Ref::NONE, 0, None);
        let g = t.emit(Op::GuardInt, Ty::I64, bx, Ref::NONE, 0, Some(s));
        let c = t.emit(Op::ILt, Ty::Bool, g, d, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, c, Ref::NONE, 0, Some(s));
        let before = live_count(&t);
        run(&mut t);
        crate::verify(&t).unwrap();
        assert_eq!(t.get(d).op, Op::KInt, "x - x after x*1, x+0 folded: {t}");
        // c = ILt(x, 0): kept, with x directly.
        assert_eq!(t.get(c).a, x);
        assert_eq!(live_count(&t), before - 3, "{t}");
    }

    #[test]
    fn constant_guards_disappear() {
        let mut t = Trace::new();
        let s = t.snapshot(0, vec![]);
        let a = k(&mut t, 3);
        let b = k(&mut t, 5);
        let c = t.emit(Op::ILt, Ty::Bool, a, b, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, c, Ref::NONE, 0, Some(s));
        let n = t.emit(Op::Not, Ty::Bool, c, Ref::NONE, 0, None);
        t.emit(Op::GuardTrue, Ty::Void, n, Ref::NONE, 0, Some(s));
        run(&mut t);
        assert_eq!(crate::opt::count_op(&t, Op::GuardTrue), 1, "{t}");
        assert_eq!(crate::opt::count_op(&t, Op::GuardFalse), 0, "{t}");
        crate::verify(&t).unwrap();
    }
}
