//! Int arithmetic reduced modulo a power of two, recorded in wrapping machine
//! words: `(x * 1103515245 + 12345) % 2147483648` (a linear congruential
//! generator, the way Python programs make reproducible pseudo-random numbers)
//! or `(h * 31 + c) & 0xffffffff`.
//!
//! Why: the product leaves the inline ints, so each step would otherwise call
//! helpers that allocate two big ints per step, only for the `%` to bring the
//! value back. The low bits of a sum, difference or product do not depend on
//! the high bits of its operands, so computing the chain in 64-bit words that
//! wrap, then keeping the low bits (`% 2**k` on a two's complement word is
//! `& (2**k - 1)`, also for negative values, as Python's `%` with a positive
//! divisor), gives the exact result whatever the intermediate values were: no
//! overflow guard is needed, and no intermediate ever reaches the stack, a
//! snapshot or the heap.
//!
//! The chain is recognised at its first operation by looking at the bytecodes
//! that follow: pairs of a load (`LoadConst` or `LoadFast` of an int) and an
//! add, subtract or multiply, then a `LoadConst` of the modulus (or mask) and
//! the `%` (or `&`). The operands' type guards exit at the first operation, with
//! its operands on the stack and nothing of the chain done; while the
//! interpreter runs the chain, the recorder skips its bytecodes.
//!
//! `--jit-opt=-wrapping` records each operation on its own instead.

use guards::{Op as IrOp, Ty};

use super::Recorder;
use crate::compiler::bytecode::{BinOp, Op};
use crate::value::{SMALL_INT_MAX, Value};
use crate::vm::frame::Frame;

/// Longest chain looked for (operations after the first, the reduction included).
const MAX_CHAIN: usize = 8;

/// One operation after the first: what it loads, and the operation.
#[derive(Clone, Copy)]
enum Operand {
    Const(i64),
    Local(u32),
}

pub(super) struct Chain {
    rest: Vec<(Operand, BinOp)>,
    /// The mask that ends it: `m - 1` for `% m`, `m` for `& m`.
    mask: i64,
    /// The pc after its last bytecode.
    end: usize,
}

fn wraps(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul)
}

fn binop_at(op: Op) -> Option<BinOp> {
    match op {
        Op::Binary(b) | Op::InplaceBinary(b) => Some(b),
        _ => None,
    }
}

/// The chain that starts with `op` on the ints `a` and `b` at `pc` in `fr`, if
/// the bytecodes that follow make one (see the module doc).
pub(super) fn chain_at(fr: &Frame, pc: usize, op: BinOp, a: Value, b: Value) -> Option<Chain> {
    if !wraps(op) || !a.is_small_int() || !b.is_small_int() {
        return None;
    }
    let ops = &fr.code.ops;
    let mut rest = Vec::new();
    let mut at = pc + 1;
    while rest.len() < MAX_CHAIN {
        let (load, next) = (*ops.get(at)?, binop_at(*ops.get(at + 1)?)?);
        let value = match load {
            Op::LoadConst(k) => *fr.code.consts.get(k as usize)?,
            Op::LoadFast(i) => *fr.slots.get(i as usize)?,
            _ => return None,
        };
        if !value.is_small_int() {
            return None;
        }
        let v = value.as_small_int();
        at += 2;
        if wraps(next) {
            let operand = match load {
                Op::LoadFast(i) => Operand::Local(i),
                _ => Operand::Const(v),
            };
            rest.push((operand, next));
            continue;
        }
        // The reduction: its operand is a constant, so the mask is one.
        let mask = match (load, next) {
            (Op::LoadConst(_), BinOp::Mod) if v > 0 && (v as u64).is_power_of_two() => v - 1,
            (Op::LoadConst(_), BinOp::And) if (0..=SMALL_INT_MAX).contains(&v) => v,
            _ => return None,
        };
        return Some(Chain {
            rest,
            mask,
            end: at,
        });
    }
    None
}

impl Recorder {
    /// Records `chain`, whose first operation `op` is at `pc` on the stack's top
    /// two refs: every operand's guard first (they exit at `pc`), then the
    /// wrapping operations and the mask; the interpreter's run of the chain's
    /// bytecodes is skipped.
    pub(super) fn record_wrapping_chain(&mut self, op: BinOp, chain: Chain, pc: usize) {
        let n = self.stack.len();
        let (ra, rb) = (self.stack[n - 2], self.stack[n - 1]);
        let (x, y) = (self.as_int(ra, pc), self.as_int(rb, pc));
        let mut operands = Vec::with_capacity(chain.rest.len());
        for &(operand, next) in &chain.rest {
            let r = match operand {
                Operand::Const(v) => self.k_int(v),
                Operand::Local(i) => {
                    let r = self.load_local(i);
                    self.as_int(r, pc)
                }
            };
            operands.push((r, next));
        }
        let ir = |op: BinOp| match op {
            BinOp::Add => IrOp::Add,
            BinOp::Sub => IrOp::Sub,
            _ => IrOp::Mul,
        };
        let mut v = self.trace.emit(ir(op), Ty::I64, x, y, 0, None);
        for (r, next) in operands {
            v = self.trace.emit(ir(next), Ty::I64, v, r, 0, None);
        }
        let mask = self.k_int(chain.mask);
        let v = self.trace.emit(IrOp::BAnd, Ty::I64, v, mask, 0, None);
        self.stack.truncate(n - 2);
        self.stack.push(v);
        self.skip = Some((pc, chain.end));
        use std::fmt::Write as _;
        let _ = writeln!(
            self.bytecode_log,
            "       (wrapping: {}..{} in 64-bit words, masked)",
            pc, chain.end
        );
    }
}

#[cfg(test)]
mod tests {
    /// The identity the chain relies on, over values far outside the inline ints.
    #[test]
    fn wrapping_words_keep_the_low_bits_of_the_exact_result() {
        let m: i128 = 1 << 31;
        for &x in &[0i64, 1, 12345, (1 << 31) - 1, -7, (1 << 47) - 1, -(1 << 47)] {
            let exact = (x as i128 * 1_103_515_245 + 12345).rem_euclid(m);
            let word = x.wrapping_mul(1_103_515_245).wrapping_add(12345) & (m as i64 - 1);
            assert_eq!(exact, word as i128, "x = {x}");
        }
    }
}
