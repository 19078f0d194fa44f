//! Which locals each bytecode may still read: a backward dataflow over a code
//! object's instructions, for the JIT's snapshots.
//!
//! Why. An exit rebuilds the frame the interpreter resumes in; a local that every
//! path from the exit's pc overwrites before reading it (the loop's temporaries,
//! the targets of a `for` unpacking) need not be written back, so the trace does
//! not keep its value alive, in a register or a phi, for exits alone.
//!
//! Conservative where Python can read locals without `LoadFast`: a code object
//! that names `locals`, `vars`, `dir`, `eval`, `exec` or `super` (zero-argument
//! `super()` reads the first local) has every local live everywhere. Any
//! instruction may raise into any handler of the code object (`SetupExcept`
//! targets), so each handler's live locals are live at every instruction.

use super::bytecode::{Code, Op};
use crate::vm::str_of;

/// Per instruction, the locals live on entry (bit `i` of word `i / 64` for slot
/// `i`); `None` when the code may read its locals by other means (all live).
pub fn live_locals(code: &Code) -> Option<Vec<Vec<u64>>> {
    let introspective = ["locals", "vars", "dir", "eval", "exec", "super"];
    if code
        .names
        .iter()
        .any(|&n| introspective.contains(&str_of(n)))
    {
        return None;
    }
    let n = code.ops.len();
    let words = code.nlocals().div_ceil(64);
    let handlers: Vec<usize> = code
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::SetupExcept(h) => Some(*h as usize),
            _ => None,
        })
        .collect();
    let mut live = vec![vec![0u64; words]; n];
    let mut changed = true;
    while changed {
        changed = false;
        let mut raised = vec![0u64; words];
        for &h in &handlers {
            if let Some(l) = live.get(h) {
                or_into(&mut raised, l);
            }
        }
        for pc in (0..n).rev() {
            let mut out = raised.clone();
            for s in successors(code.ops[pc], pc) {
                if let Some(l) = live.get(s) {
                    or_into(&mut out, l);
                }
            }
            match code.ops[pc] {
                Op::StoreFast(i) => clear(&mut out, i),
                Op::LoadFast(i) | Op::DeleteFast(i) => set(&mut out, i),
                _ => {}
            }
            if out != live[pc] {
                live[pc] = out;
                changed = true;
            }
        }
    }
    Some(live)
}

fn successors(op: Op, pc: usize) -> impl Iterator<Item = usize> {
    let (next, target) = match op {
        Op::Return | Op::Raise(_) | Op::Reraise | Op::ReraiseRestore => (None, None),
        Op::Jump(t) => (None, Some(t as usize)),
        Op::PopJumpIfFalse(t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::ForIter(t)
        | Op::YieldFrom(t)
        | Op::SetupExcept(t) => (Some(pc + 1), Some(t as usize)),
        _ => (Some(pc + 1), None),
    };
    next.into_iter().chain(target)
}

fn or_into(acc: &mut [u64], other: &[u64]) {
    for (a, b) in acc.iter_mut().zip(other) {
        *a |= b;
    }
}

fn set(bits: &mut [u64], slot: u32) {
    if let Some(w) = bits.get_mut(slot as usize / 64) {
        *w |= 1 << (slot % 64);
    }
}

fn clear(bits: &mut [u64], slot: u32) {
    if let Some(w) = bits.get_mut(slot as usize / 64) {
        *w &= !(1 << (slot % 64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code of function `func` in module `src`, with the VM that owns its
    /// names (kept alive beside it).
    fn code_of(src: &str, func: &str) -> (Box<crate::vm::Vm>, std::rc::Rc<Code>) {
        let mut vm = crate::vm::Vm::new();
        let module = crate::run::compile_source(&mut vm, src, "<test>", "__main__")
            .unwrap_or_else(|_| panic!("compiles"));
        let code = module
            .codes
            .iter()
            .find(|c| c.name == func)
            .expect("function compiled")
            .clone();
        (vm, code)
    }

    /// The names of the locals live at the code's first `ForIter` (its loop header).
    fn live_at_loop(code: &Code) -> Vec<String> {
        let live = live_locals(code).expect("no introspection");
        let header = code
            .ops
            .iter()
            .position(|op| matches!(op, Op::ForIter(_)))
            .expect("a for loop");
        (0..code.nlocals())
            .filter(|&i| live[header][i / 64] & (1 << (i % 64)) != 0)
            .map(|i| str_of(code.varnames[i]).to_string())
            .collect()
    }

    #[test]
    fn loop_temporaries_are_dead_at_the_loop_header() {
        let (_vm, code) = code_of(
            "def f(pairs):\n    s = 0\n    for (a, b) in pairs:\n        t = a * b\n        s += t\n    return s\n",
            "f",
        );
        assert_eq!(live_at_loop(&code), ["s"]);
    }

    #[test]
    fn a_local_read_after_the_loop_stays_live() {
        let (_vm, code) = code_of(
            "def f(xs):\n    t = 0\n    for x in xs:\n        t = x\n    return t\n",
            "f",
        );
        assert_eq!(live_at_loop(&code), ["t"]);
    }

    #[test]
    fn handlers_keep_their_locals_live_everywhere() {
        let (_vm, code) = code_of(
            "def f(xs):\n    e = 0\n    for x in xs:\n        e = x\n        try:\n            g(x)\n        except KeyError:\n            print(e)\n",
            "f",
        );
        assert!(live_at_loop(&code).contains(&"e".to_string()));
    }

    #[test]
    fn introspection_makes_everything_live() {
        let (_vm, code) = code_of("def f(a):\n    b = 1\n    return locals()\n", "f");
        assert!(live_locals(&code).is_none());
    }
}
