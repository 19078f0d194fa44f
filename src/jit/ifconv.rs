//! If-conversion while recording: a branch whose arms are short, straight-line
//! integer arithmetic on locals becomes both arms computed and each stored local
//! chosen by the condition, instead of a branch guard.
//!
//! Why: a trace follows one path, so a branch that goes both ways sends part of
//! the iterations out through an exit into a side trace (live values stored and
//! reloaded, the frame written, a mispredicted jump) and back into the loop. A few
//! adds computed on both sides cost less, and the choice itself (`mask`, and, xor)
//! has no branch to mispredict.
//!
//! Why it is exact: the arms only load locals and constants, do int and float
//! arithmetic and store locals, so computing the arm the interpreter does not take
//! changes nothing; every guard in either arm (types, overflow, zero divisors)
//! exits at the branch itself, with the condition on the stack and nothing of
//! either arm done, and the interpreter takes the branch from there. Both arms are
//! first run over the runtime values (the one not taken included), so the
//! recorder specialises them on types they really have and gives up on an arm
//! that would raise or leave the small ints. Results merge only where both sides
//! are small ints (there is no float select yet).
//!
//! While the interpreter then runs the arm it takes, the recorder skips its
//! bytecodes and resumes at the join.
//!
//! `--jit-opt=-ifconv` records branch guards instead, for bisecting.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use guards::{Op as IrOp, Ref, Ty};

use super::{Abort, Recorder, record_binop, record_neg};
use crate::compiler::bytecode::{BinOp, Code, Op, UnOp};
use crate::value::Value;
use crate::vm::Vm;
use crate::vm::frame::Frame;

/// Longest arm converted, in bytecodes: both arms run on every iteration.
const MAX_ARM_OPS: usize = 12;

/// A branch at `pc` whose arms are plain: the fall-through arm, the arm at the
/// jump target (empty for an `if` without `else`), and where both continue.
#[derive(Debug, PartialEq)]
struct Arms {
    fall: Range<usize>,
    jump: Range<usize>,
    join: usize,
}

fn arms_of(code: &Code, pc: usize) -> Option<Arms> {
    let target = match code.ops[pc] {
        Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => t as usize,
        _ => return None,
    };
    if target <= pc + 1 || target > code.ops.len() {
        return None;
    }
    let arms = match code.ops[target - 1] {
        // if/else: the first arm ends by jumping over the second
        Op::Jump(j) if j as usize >= target && (j as usize) <= code.ops.len() => Arms {
            fall: pc + 1..target - 1,
            jump: target..j as usize,
            join: j as usize,
        },
        _ => Arms {
            fall: pc + 1..target,
            jump: target..target,
            join: target,
        },
    };
    let plain = |r: &Range<usize>| {
        r.len() <= MAX_ARM_OPS
            && code.ops[r.clone()].iter().all(|op| {
                matches!(
                    op,
                    Op::LoadFast(_)
                        | Op::LoadConst(_)
                        | Op::StoreFast(_)
                        | Op::Binary(_)
                        | Op::InplaceBinary(_)
                        | Op::Unary(UnOp::Neg)
                        | Op::Nop
                )
            })
    };
    (plain(&arms.fall) && plain(&arms.jump)).then_some(arms)
}

/// A number the arms may compute with.
fn plain_number(v: Value) -> bool {
    v.is_small_int() || v.is_float()
}

/// The binary ops recorded inline (no helper call) for these operands.
fn inline_binop(op: BinOp, a: Value, b: Value) -> bool {
    use BinOp::*;
    if a.is_small_int() && b.is_small_int() {
        matches!(
            op,
            Add | Sub | Mul | FloorDiv | Mod | And | Or | Xor | TrueDiv
        )
    } else {
        matches!(op, Add | Sub | Mul | TrueDiv)
    }
}

/// The locals an arm stores: slot -> (IR value, runtime value).
type Stores = BTreeMap<u32, (Ref, Value)>;

impl Vm {
    /// Records the branch at `pc` as both arms and a choice, if it qualifies;
    /// false leaves it to the branch guard.
    pub(super) fn if_convert(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        pc: usize,
    ) -> Result<bool, Abort> {
        // A side trace starting here left through one of the arms' guards: it
        // follows the path the interpreter takes instead.
        let exit_here = rec.side.is_some() && rec.ops == 1;
        if !self.jit.if_convert || exit_here {
            return Ok(false);
        }
        let Some(arms) = arms_of(&fr.code, pc) else {
            return Ok(false);
        };
        let cond = fr.peek(0);
        if !(cond.is_bool() || cond.is_small_int()) {
            return Ok(false);
        }
        // Which arm runs when the condition holds.
        let jumps_when_true = matches!(fr.code.ops[pc], Op::PopJumpIfTrue(_));
        let (when_true, when_false) = if jumps_when_true {
            (arms.jump.clone(), arms.fall.clone())
        } else {
            (arms.fall.clone(), arms.jump.clone())
        };
        // Dry runs over the runtime values: nothing is recorded unless both pass.
        let (Some(t), Some(f)) = (
            self.run_arm(rec, fr, when_true.clone(), pc, false)?,
            self.run_arm(rec, fr, when_false.clone(), pc, false)?,
        ) else {
            return Ok(false);
        };
        let slots: BTreeSet<u32> = t.keys().chain(f.keys()).copied().collect();
        let before = |i: u32| fr.slots[i as usize];
        for &i in &slots {
            let tv = t.get(&i).map_or(before(i), |s| s.1);
            let fv = f.get(&i).map_or(before(i), |s| s.1);
            let known =
                rec.locals.contains_key(&i) || (rec.locals_in_memory() && !before(i).is_empty());
            if !tv.is_small_int() || !fv.is_small_int() || !known {
                return Ok(false);
            }
        }
        let rv = *rec.stack.last().ok_or("stack underflow")?;
        let c = rec.as_cond(rv, cond, pc)?;
        let t = self
            .run_arm(rec, fr, when_true, pc, true)?
            .ok_or("if-converted arm changed")?;
        let f = self
            .run_arm(rec, fr, when_false, pc, true)?
            .ok_or("if-converted arm changed")?;
        // Every guard first: an exit resumes at the branch, so no local may be
        // stored before the last one.
        let mut sides = Vec::with_capacity(slots.len());
        for i in slots {
            let (on_true, on_false) = (
                t.get(&i).map_or_else(|| rec.load_local(i), |s| s.0),
                f.get(&i).map_or_else(|| rec.load_local(i), |s| s.0),
            );
            sides.push((i, rec.as_int(on_true, pc), rec.as_int(on_false, pc)));
        }
        let mask = rec.trace.emit(IrOp::Mask, Ty::I64, c, Ref::NONE, 0, None);
        for (i, on_true, on_false) in sides {
            let r = if on_true == on_false {
                on_true
            } else {
                // f ^ ((t ^ f) & mask): t where the mask is all ones, f where it is 0
                let diff = rec
                    .trace
                    .emit(IrOp::BXor, Ty::I64, on_true, on_false, 0, None);
                let pick = rec.trace.emit(IrOp::BAnd, Ty::I64, diff, mask, 0, None);
                rec.trace.emit(IrOp::BXor, Ty::I64, on_false, pick, 0, None)
            };
            rec.store_local(i, r);
        }
        rec.pop()?;
        rec.skip = Some((pc, arms.join));
        use std::fmt::Write as _;
        let _ = writeln!(
            rec.bytecode_log,
            "       (if-converted: arms {}..{} and {}..{} computed, join at {})",
            arms.fall.start, arms.fall.end, arms.jump.start, arms.jump.end, arms.join
        );
        Ok(true)
    }

    /// Runs one arm over runtime values, recording it when `emit`: the locals it
    /// stores, or None when it leaves plain number arithmetic (only when not
    /// emitting: the dry run saw the same values).
    fn run_arm(
        &mut self,
        rec: &mut Recorder,
        fr: &Frame,
        arm: Range<usize>,
        pc: usize,
        emit: bool,
    ) -> Result<Option<Stores>, Abort> {
        let mut stores = Stores::new();
        let mut stack: Vec<(Ref, Value)> = Vec::new();
        for at in arm {
            match fr.code.ops[at] {
                Op::Nop => {}
                Op::LoadFast(i) => {
                    let item = match stores.get(&i) {
                        Some(&s) => s,
                        None => {
                            let v = fr.slots[i as usize];
                            let bound = rec.locals.contains_key(&i) || rec.locals_in_memory();
                            if !plain_number(v) || !bound {
                                return Ok(None);
                            }
                            let r = if emit { rec.load_local(i) } else { Ref::NONE };
                            (r, v)
                        }
                    };
                    stack.push(item);
                }
                Op::LoadConst(k) => {
                    let v = fr.code.consts[k as usize];
                    if !plain_number(v) {
                        return Ok(None);
                    }
                    let r = if emit { rec.k_const(v) } else { Ref::NONE };
                    stack.push((r, v));
                }
                Op::StoreFast(i) => {
                    let Some(item) = stack.pop() else {
                        return Ok(None);
                    };
                    stores.insert(i, item);
                }
                Op::Binary(op) | Op::InplaceBinary(op) => {
                    let (Some((rb, b)), Some((ra, a))) = (stack.pop(), stack.pop()) else {
                        return Ok(None);
                    };
                    if !inline_binop(op, a, b) {
                        return Ok(None);
                    }
                    let Ok(v) = self.binary_op(op, a, b) else {
                        return Ok(None);
                    };
                    if !plain_number(v) {
                        return Ok(None);
                    }
                    let r = if emit {
                        record_binop(rec, op, ra, rb, a, b, pc)?
                    } else {
                        Ref::NONE
                    };
                    stack.push((r, v));
                }
                Op::Unary(UnOp::Neg) => {
                    let Some((ra, a)) = stack.pop() else {
                        return Ok(None);
                    };
                    let Ok(v) = self.unary_op(UnOp::Neg, a) else {
                        return Ok(None);
                    };
                    if !plain_number(v) {
                        return Ok(None);
                    }
                    let r = if emit {
                        record_neg(rec, ra, a, pc)?
                    } else {
                        Ref::NONE
                    };
                    stack.push((r, v));
                }
                _ => return Ok(None),
            }
        }
        Ok(stack.is_empty().then_some(stores))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arms of each branch in function `f` of `src`, in bytecode order.
    fn arms_in(src: &str) -> Vec<Option<Arms>> {
        let mut vm = crate::vm::Vm::new();
        let module = crate::run::compile_source(&mut vm, src, "<test>", "__main__")
            .unwrap_or_else(|_| panic!("compiles"));
        let code = module.codes.iter().find(|c| c.name == "f").expect("f");
        (0..code.ops.len())
            .filter(|&pc| matches!(code.ops[pc], Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_)))
            .map(|pc| arms_of(code, pc))
            .collect()
    }

    fn shape(a: &Option<Arms>) -> Option<(usize, usize)> {
        a.as_ref().map(|a| (a.fall.len(), a.jump.len()))
    }

    #[test]
    fn if_else_with_plain_arms_is_found() {
        let arms = arms_in(
            "def f(x, a):\n    if x & 1:\n        a += x - 5\n    else:\n        a -= x // 3\n    return a\n",
        );
        assert_eq!(arms.len(), 1);
        // a += x - 5: 6 ops; a -= x // 3: 6 ops; the join follows the else arm
        assert_eq!(shape(&arms[0]), Some((6, 6)));
        let a = arms[0].as_ref().unwrap();
        assert_eq!(a.fall.end + 1, a.jump.start);
        assert_eq!(a.jump.end, a.join);
    }

    #[test]
    fn if_without_else_has_an_empty_jump_arm() {
        let arms = arms_in("def f(x, n):\n    if x > 3:\n        n += 1\n    return n\n");
        assert_eq!(shape(&arms[0]), Some((4, 0)));
    }

    #[test]
    fn arms_with_calls_jumps_or_many_ops_are_not_converted() {
        let call = arms_in("def f(x, n):\n    if x:\n        n = g(n)\n    return n\n");
        assert_eq!(shape(&call[0]), None);
        let nested =
            arms_in("def f(x, n):\n    if x:\n        if n:\n            n += 1\n    return n\n");
        assert_eq!(shape(&nested[0]), None, "the outer arm holds a branch");
        assert_eq!(shape(&nested[1]), Some((4, 0)), "the inner one is plain");
        let cont = arms_in(
            "def f(x, n):\n    while n:\n        n -= 1\n        if x:\n            continue\n        x += 1\n    return n\n",
        );
        assert!(cont.iter().all(|a| a.is_none()), "{cont:?}");
        let long = arms_in(
            "def f(x, n):\n    if x:\n        n = n + 1 + 2 + 3 + 4 + 5 + 6\n    return n\n",
        );
        assert_eq!(shape(&long[0]), None);
    }
}
