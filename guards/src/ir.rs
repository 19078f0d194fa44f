//! The trace IR: typed SSA instructions in one vector, guards carrying snapshots.
//!
//! One table (`ir_ops!`) defines every op with its mnemonic, result type and whether
//! it is a guard; the enum, the names printed by `--trace-log` and the per-op flags all
//! come from it, so adding an op touches one line (LuaJIT's lj_ir.h idea).
//!
//! Values are NaN-boxed Python values (`Ty::Val`) at the boundary with the
//! interpreter (frame slots, snapshots) and unboxed (`I64`, `F64`, `Bool`) inside the
//! trace. Every guard names a snapshot: the bytecode pc to resume at and the
//! interpreter's operand stack as IR references, so an exit can rebuild the frame.

use std::fmt;

/// Result types. `Val` is a boxed Python value (the interpreter's 64-bit `Value`).
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub enum Ty {
    Void,
    I64,
    F64,
    Bool,
    Val,
    /// A raw machine address inside a heap object (never boxed, never in a snapshot).
    Ptr,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Void => "void",
            Ty::I64 => "int",
            Ty::F64 => "flt",
            Ty::Bool => "bool",
            Ty::Val => "val",
            Ty::Ptr => "ptr",
        }
    }
}

/// A reference to an instruction (its index in `Trace::ins`).
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct Ref(pub u32);

impl Ref {
    pub const NONE: Ref = Ref(u32::MAX);
    pub fn idx(self) -> usize {
        self.0 as usize
    }
    pub fn is_none(self) -> bool {
        self == Ref::NONE
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            write!(f, "----")
        } else {
            write!(f, "{:04}", self.0)
        }
    }
}

macro_rules! ir_ops {
    ($( $name:ident, $mnemo:literal, $ty:ident, $guard:literal, $doc:literal; )*) => {
        /// IR operations. Operands are `Ins::a`/`Ins::b` (refs) and `Ins::imm`.
        #[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
        pub enum Op { $( #[doc = $doc] $name, )* }

        impl Op {
            /// The mnemonic printed in trace logs.
            pub fn mnemonic(self) -> &'static str {
                match self { $( Op::$name => $mnemo, )* }
            }
            /// The result type (ops whose type depends on operands return `Val`
            /// here; see `Ins::ty`).
            pub fn result_ty(self) -> Ty {
                match self { $( Op::$name => Ty::$ty, )* }
            }
            /// Whether the op can leave the trace (it then has a snapshot).
            pub fn is_guard(self) -> bool {
                match self { $( Op::$name => $guard, )* }
            }
            pub const ALL: &'static [Op] = &[ $( Op::$name, )* ];
        }
    };
}

ir_ops! {
    // constants
    KInt,      "kint",   I64,  false, "imm: the integer";
    KFloat,    "kflt",   F64,  false, "imm: the float's bits";
    KVal,      "kval",   Val,  false, "imm: a boxed value's bits (heap constants are GC roots of the trace)";
    // frame access (`slots` = the interpreter frame's locals and value stack)
    Slot,      "slot",   Val,  false, "imm: slot index; loads the boxed value";
    SetSlot,   "sslot",  Void, false, "a: Val stored to slot imm";
    // type guards: check the tag, yield the unboxed value
    GuardInt,  "gint",   I64,  true,  "a: Val must be an inline int; result: the int";
    GuardFloat,"gflt",   F64,  true,  "a: Val must be a float; result: the float";
    GuardBool, "gbool",  Bool, true,  "a: Val must be True/False; result: the bool";
    GuardIs,   "gis",    Void, true,  "a: Val must be identical to the boxed constant imm";
    // boxing (no allocation: ints are already range-checked to 48 bits)
    BoxInt,    "boxi",   Val,  false, "a: I64 within the inline int range";
    BoxFloat,  "boxf",   Val,  false, "a: F64 (NaNs canonicalised)";
    BoxBool,   "boxb",   Val,  false, "a: Bool";
    // integer arithmetic; the Ov forms exit when the result leaves the 48-bit range
    AddOv,     "addov",  I64,  true,  "a + b";
    SubOv,     "subov",  I64,  true,  "a - b";
    MulOv,     "mulov",  I64,  true,  "a * b";
    NegOv,     "negov",  I64,  true,  "-a";
    Add,       "add",    I64,  false, "a + b, known not to overflow";
    Sub,       "sub",    I64,  false, "a - b, known not to overflow";
    Mul,       "mul",    I64,  false, "a * b, known not to overflow";
    BAnd,      "band",   I64,  false, "a & b";
    BOr,       "bor",    I64,  false, "a | b";
    BXor,      "bxor",   I64,  false, "a ^ b";
    FloorDiv,  "idiv",   I64,  true,  "a // b (Python floor division); exits when b == 0";
    Mod,       "imod",   I64,  true,  "a % b (Python sign rule); exits when b == 0";
    // float arithmetic
    FAdd,      "fadd",   F64,  false, "a + b";
    FSub,      "fsub",   F64,  false, "a - b";
    FMul,      "fmul",   F64,  false, "a * b";
    FDiv,      "fdiv",   F64,  true,  "a / b; exits when b == 0.0 (ZeroDivisionError)";
    FNeg,      "fneg",   F64,  false, "-a";
    FSqrt,     "fsqrt",  F64,  false, "sqrt(a) (IEEE: correctly rounded; NaN below zero)";
    IToF,      "itof",   F64,  false, "a: I64 converted to float";
    // comparisons
    ILt,       "ilt",    Bool, false, "a < b";
    ILe,       "ile",    Bool, false, "a <= b";
    IEq,       "ieq",    Bool, false, "a == b";
    INe,       "ine",    Bool, false, "a != b";
    IGt,       "igt",    Bool, false, "a > b";
    IGe,       "ige",    Bool, false, "a >= b";
    FLt,       "flt",    Bool, false, "a < b";
    FLe,       "fle",    Bool, false, "a <= b";
    FEq,       "feq",    Bool, false, "a == b";
    FNe,       "fne",    Bool, false, "a != b";
    FGt,       "fgt",    Bool, false, "a > b";
    FGe,       "fge",    Bool, false, "a >= b";
    Not,       "not",    Bool, false, "!a";
    Mask,      "mask",   I64,  false, "a: Bool as -1 (true) or 0 (false): the selector of a branch-free choice";
    // control
    GuardTrue, "gtrue",  Void, true,  "a: Bool must be true";
    GuardFalse,"gfalse", Void, true,  "a: Bool must be false";
    CallG,     "callg",  Val,  true,  "helper imm(a, b); exits when it returns EXIT_SENTINEL";
    CallA,     "calla",  Val,  true,  "helper imm(a, b) that allocates a new object and has no other effect (the object is the result): `dce` drops it when nothing uses the object; exits when it returns EXIT_SENTINEL";
    SinkA,     "sinka",  Val,  false, "an allocation the trace never makes (a sunk `calla` of helper imm): only snapshots name the object, and an exit that needs it makes it from a and b, either of which may be another `sinka` (its parts: the client's materializer knows each helper's layout); emits no code, and no op but `sinka` takes it as an operand";
    CallR,     "callr",  Val,  true,  "a residual call of site imm: helpers[RESIDUAL_HELPER](a, b), which may run Python code (and so the collector); first its snapshot's values are written home and `imm << 32 | exit_tag | snapshot` to vals[RESIDUAL_EXIT_SLOT], where the collector and the site find them; exits when it returns EXIT_SENTINEL";
    Loop,      "loop",   Void, false, "start of the loop body; the trace end jumps back here";
    Phi,       "phi",    Val,  false, "loop-carried value: a on entry, b from the previous iteration; imm: its frame slot";
    // object memory: field offsets come from the interpreter's measured layouts
    GuardObj,  "gobj",   Ptr,  true,  "a: Val must be a heap object; result: its address";
    ARef,      "aref",   Ptr,  false, "a: Ptr + 8 * b (I64): the address of an array element";
    Load,      "ld",     Val,  false, "the word at a (Ptr) + imm, typed by ins.ty; memory that stores and helper calls may change";
    LoadConst, "ldc",    Val,  false, "the word at a (Ptr) + imm, typed by ins.ty; memory that never changes while the object lives";
    Store,     "st",     Void, false, "the word at a (Ptr) + imm := b";
    // trace linking (side traces and traces ending at another loop's header)
    PVal,      "pval",   Val,  false, "imm: absolute vals index of a parent trace's exit value (side trace input, typed by ins.ty)";
    SetVal,    "sval",   Void, false, "a (raw bits of any type) stored to absolute vals index imm: a linking trace hands a phi its value";
    Count,     "count",  Void, false, "imm: absolute vals index of a u64 counter incremented here";
    Link,      "link",   Void, false, "imm: address of another trace's re-entry point; the trace ends by jumping there";
    Exit,      "exit",   Void, true,  "the trace ends by leaving through its snapshot: the interpreter runs what the trace does not cover (a return out of the loop's frame, a bytecode without a recording); imm EXIT_CONTINUES: a side trace may grow from it";
    Nop,       "nop",    Void, false, "removed instruction";
}

/// The `vals` index where a trace stores `site << 32 | exit_tag | snapshot` before
/// a `CallR`: the residual call reads its site there, and inputs beyond `a` and `b`
/// from that snapshot's homes; the collector its roots. (Index 0 is the chaos
/// countdown.)
pub const RESIDUAL_EXIT_SLOT: usize = 1;

/// `Exit`'s imm when a side trace may continue the path from its snapshot (the
/// recording stopped at a bytecode that raised, not at something unrecordable).
pub const EXIT_CONTINUES: i64 = 1;

/// The helper every `CallR` calls (its table index).
pub const RESIDUAL_HELPER: i64 = 0;

/// The value a `CallG` helper returns to request an exit (the interpreter's EMPTY).
pub const EXIT_SENTINEL: u64 = 0xFFFF_0000_0000_0000;

/// The NaN-boxing scheme shared with the interpreter (`coil::value`).
pub mod tags {
    pub const SHIFT: u32 = 48;
    pub const INT: u64 = 0xFFF9;
    pub const OBJ: u64 = 0xFFFA;
    pub const NONE: u64 = 0xFFFC;
    pub const BOOL: u64 = 0xFFFD;
    pub const EMPTY: u64 = 0xFFFF;
    /// Values below this are floats.
    pub const FIRST_TAGGED: u64 = INT << SHIFT;
    pub const PAYLOAD_MASK: u64 = (1 << SHIFT) - 1;
    pub const SMALL_INT_MIN: i64 = -(1 << 47);
    pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
    pub const FALSE: u64 = BOOL << SHIFT;
    pub const TRUE: u64 = (BOOL << SHIFT) | 1;
    pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

    pub fn box_int(i: i64) -> u64 {
        (INT << SHIFT) | (i as u64 & PAYLOAD_MASK)
    }
    pub fn unbox_int(v: u64) -> i64 {
        ((v << 16) as i64) >> 16
    }
    pub fn box_float(f: f64) -> u64 {
        if f.is_nan() {
            if f.is_sign_negative() {
                0xFFF8_0000_0000_0000
            } else {
                CANONICAL_NAN
            }
        } else {
            f.to_bits()
        }
    }
    pub fn box_bool(b: bool) -> u64 {
        if b { TRUE } else { FALSE }
    }
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Ins {
    pub op: Op,
    pub ty: Ty,
    pub a: Ref,
    pub b: Ref,
    pub imm: i64,
    /// Snapshot index for guards, else u32::MAX.
    pub snap: u32,
}

/// Snapshot pcs with this bit set do not name a bytecode but resume point
/// `pc & !RESUME_PC` of the client (Coil's recorder: the chain of inlined frames to
/// rebuild); listings print them as `resume N`.
pub const RESUME_PC: u32 = 0x8000_0000;

/// What an exit needs to rebuild the interpreter frame: the pc of the bytecode
/// whose effects have not run yet, the full operand stack (bottom first), and the
/// frame slots whose stores the `sink` pass delayed (slot index, value; written
/// back boxed by the exit).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub pc: u32,
    pub stack: Vec<Ref>,
    pub slots: Vec<(u32, Ref)>,
    /// Frame slots dead at `pc` (bit `i % 64` of word `i / 64`): no bytecode reads
    /// them before writing them, so `sink` leaves their delayed stores out.
    pub dead: Vec<u64>,
}

impl Snapshot {
    /// Every ref the exit reads: the stack, then the delayed slot values.
    pub fn refs(&self) -> impl Iterator<Item = Ref> + '_ {
        self.stack
            .iter()
            .copied()
            .chain(self.slots.iter().map(|&(_, r)| r))
    }

    /// Whether frame slot `slot` is dead at the snapshot's pc.
    pub fn is_dead(&self, slot: u32) -> bool {
        self.dead
            .get(slot as usize / 64)
            .is_some_and(|w| w & (1 << (slot % 64)) != 0)
    }

    /// Every ref the exit reads, for rewriting.
    pub fn refs_mut(&mut self) -> impl Iterator<Item = &mut Ref> + '_ {
        self.stack
            .iter_mut()
            .chain(self.slots.iter_mut().map(|(_, r)| r))
    }
}

#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub ins: Vec<Ins>,
    pub snapshots: Vec<Snapshot>,
    /// The frame slots the loop body stores (set by loop peeling): each live one
    /// has a `Phi` whose imm names it. The body's other slot loads were hoisted
    /// into the peeled iteration as invariants.
    pub carried: Vec<u32>,
    /// For a trace that links into another loop's body: the frame slots whose
    /// values it hands to that body's phis (`SetVal`). The body's exits restore
    /// them, and its entry stub boxes them into the frame when it has to enter at
    /// the top instead, so `sink` does not store them before the link.
    pub handed: Vec<u32>,
    /// Carried slots whose phi `fold` replaced by its entry value: the body
    /// assumes the slot holds that value at the top of every iteration. (A phi
    /// DCE removed had no user: the body never looks at its slot's value there.)
    pub folded_phis: Vec<u32>,
    /// Whether a `sinka` was ever emitted: snapshots then need expanding
    /// (`visit_snapshot_values`); most traces have none.
    pub has_sunk: bool,
    /// `CallG` helpers (by imm) that write no memory the trace loads (they
    /// fill objects the trace made and never loads from): `cse` keeps its
    /// loads across them. Set by the client, which knows its helpers.
    pub quiet_helpers: &'static [i64],
}

impl Trace {
    pub fn new() -> Trace {
        Trace::default()
    }

    pub fn get(&self, r: Ref) -> &Ins {
        &self.ins[r.idx()]
    }

    /// The values exit `snap` reads from the running code: its refs, with each
    /// sunk allocation (`sinka`) replaced by the values it is made from. What
    /// the backends keep alive for the exit and write home (a value may repeat,
    /// as in `refs`).
    pub fn snapshot_values(&self, snap: u32) -> Vec<Ref> {
        let mut out = Vec::new();
        self.visit_snapshot_values(snap, &mut |r| out.push(r));
        out
    }

    /// `snapshot_values` without collecting them (the backends call this
    /// for every guard).
    #[inline]
    pub fn visit_snapshot_values(&self, snap: u32, f: &mut impl FnMut(Ref)) {
        let refs = self.snapshots[snap as usize].refs();
        if !self.has_sunk {
            refs.for_each(f);
            return;
        }
        for r in refs {
            self.visit_values(r, f);
        }
    }

    fn visit_values(&self, r: Ref, f: &mut impl FnMut(Ref)) {
        match self.ins.get(r.idx()) {
            Some(ins) if ins.op == Op::SinkA => {
                for part in [ins.a, ins.b] {
                    if !part.is_none() {
                        self.visit_values(part, f);
                    }
                }
            }
            _ => f(r),
        }
    }

    /// Whether `r` is a sunk allocation (no value in the running code).
    pub fn is_sunk(&self, r: Ref) -> bool {
        !r.is_none() && self.ins.get(r.idx()).is_some_and(|i| i.op == Op::SinkA)
    }

    /// Appends an instruction; guards must pass a snapshot index.
    pub fn emit(&mut self, op: Op, ty: Ty, a: Ref, b: Ref, imm: i64, snap: Option<u32>) -> Ref {
        debug_assert_eq!(op.is_guard(), snap.is_some(), "{op:?}");
        self.has_sunk |= op == Op::SinkA;
        self.ins.push(Ins {
            op,
            ty,
            a,
            b,
            imm,
            snap: snap.unwrap_or(u32::MAX),
        });
        Ref(self.ins.len() as u32 - 1)
    }

    pub fn snapshot(&mut self, pc: u32, stack: Vec<Ref>) -> u32 {
        self.snapshot_with_slots(pc, stack, Vec::new())
    }

    /// A snapshot whose exit also writes frame slots the trace never stored
    /// (`slots`: slot -> value, sorted by slot): values the client keeps out
    /// of `SetSlot`s (an object it has not made). `sink` keeps them over the
    /// stores it delays for the same slots.
    pub fn snapshot_with_slots(&mut self, pc: u32, stack: Vec<Ref>, slots: Vec<(u32, Ref)>) -> u32 {
        if slots.is_empty()
            && let Some(last) = self.snapshots.last()
            && last.pc == pc
            && last.stack == stack
            && last.slots.is_empty()
        {
            return self.snapshots.len() as u32 - 1;
        }
        self.snapshots.push(Snapshot {
            pc,
            stack,
            slots,
            dead: Vec::new(),
        });
        self.snapshots.len() as u32 - 1
    }

    /// Whether the trace ends by jumping to another trace (`Link`) instead of looping.
    pub fn links(&self) -> bool {
        self.ins.last().is_some_and(|i| i.op == Op::Link)
    }

    /// Whether the trace ends by leaving to the interpreter (`Exit`) instead of
    /// looping.
    pub fn exits_at_end(&self) -> bool {
        self.ins.last().is_some_and(|i| i.op == Op::Exit)
    }

    /// Whether the trace runs once per entry and ends (`Link` or `Exit`) instead of
    /// looping.
    pub fn ends(&self) -> bool {
        self.links() || self.exits_at_end()
    }

    /// The index of the `Loop` marker, if the trace loops.
    pub fn loop_start(&self) -> Option<usize> {
        self.ins.iter().position(|i| i.op == Op::Loop)
    }
}

impl fmt::Display for Trace {
    /// The `--trace-log` IR listing: `ref type mnemonic operands`, guards marked
    /// `>` with their snapshot `[pc stack...]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, ins) in self.ins.iter().enumerate() {
            if ins.op == Op::Nop {
                continue;
            }
            let mark = if ins.op.is_guard() { ">" } else { " " };
            write!(
                f,
                "{:04} {} {:<4} {:<6}",
                i,
                mark,
                ins.ty.name(),
                ins.op.mnemonic()
            )?;
            match ins.op {
                Op::KInt
                | Op::Slot
                | Op::CallG
                | Op::CallA
                | Op::SinkA
                | Op::CallR
                | Op::PVal
                | Op::Count => write!(f, " {}", ins.imm)?,
                Op::Link => write!(f, " {:#x}", ins.imm as u64)?,
                Op::KFloat => write!(f, " {}", f64::from_bits(ins.imm as u64))?,
                Op::KVal | Op::GuardIs => write!(f, " {:#x}", ins.imm as u64)?,
                Op::SetSlot | Op::SetVal => write!(f, " {} {}", ins.imm, ins.a)?,
                // the address as base+offset, then the stored value
                Op::Load | Op::LoadConst => write!(f, " {}+{}", ins.a, ins.imm)?,
                Op::Store => write!(f, " {}+{} {}", ins.a, ins.imm, ins.b)?,
                _ => {}
            }
            if !matches!(
                ins.op,
                Op::SetSlot | Op::SetVal | Op::Load | Op::LoadConst | Op::Store
            ) {
                for r in [ins.a, ins.b] {
                    if !r.is_none() {
                        write!(f, " {r}")?;
                    }
                }
            }
            if ins.op.is_guard() {
                let s = &self.snapshots[ins.snap as usize];
                if s.pc & RESUME_PC != 0 {
                    write!(f, "  [resume {}", s.pc & !RESUME_PC)?;
                } else {
                    write!(f, "  [pc {}", s.pc)?;
                }
                for r in &s.stack {
                    write!(f, " {r}")?;
                }
                for (slot, r) in &s.slots {
                    write!(f, " {slot}={r}")?;
                }
                write!(f, "]")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_drives_names_types_and_guards() {
        assert_eq!(Op::AddOv.mnemonic(), "addov");
        assert!(Op::AddOv.is_guard());
        assert!(!Op::Add.is_guard());
        assert_eq!(Op::ILt.result_ty(), Ty::Bool);
        let names: std::collections::HashSet<_> = Op::ALL.iter().map(|o| o.mnemonic()).collect();
        assert_eq!(names.len(), Op::ALL.len(), "mnemonics are unique");
    }

    #[test]
    fn boxing_round_trips() {
        for i in [0, 1, -1, tags::SMALL_INT_MAX, tags::SMALL_INT_MIN] {
            assert_eq!(tags::unbox_int(tags::box_int(i)), i);
        }
        assert_eq!(tags::box_float(f64::NAN), tags::CANONICAL_NAN);
    }

    #[test]
    fn sunk_allocations_are_read_through_their_parts() {
        let mut t = Trace::new();
        let a = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let b = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 1, None);
        let c = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 2, None);
        let rest = t.emit(Op::SinkA, Ty::Val, b, c, -1, None);
        let obj = t.emit(Op::SinkA, Ty::Val, a, rest, 7, None);
        let snap = t.snapshot(3, vec![a, obj, obj]);
        t.emit(Op::GuardInt, Ty::I64, a, Ref::NONE, 0, Some(snap));
        assert!(t.is_sunk(obj) && t.is_sunk(rest) && !t.is_sunk(a));
        // the exit reads the parts, never the objects (which have no value)
        assert_eq!(t.snapshot_values(snap), vec![a, a, b, c, a, b, c]);
        crate::verify(&t).unwrap();
        // no op but `sinka` takes one as an operand
        t.emit(Op::GuardInt, Ty::I64, obj, Ref::NONE, 0, Some(snap));
        assert!(crate::verify(&t).unwrap_err().contains("sunk allocation"));
    }

    #[test]
    fn listing_marks_guards_with_snapshots() {
        let mut t = Trace::new();
        let s = t.emit(Op::Slot, Ty::Val, Ref::NONE, Ref::NONE, 0, None);
        let snap = t.snapshot(3, vec![s]);
        let i = t.emit(Op::GuardInt, Ty::I64, s, Ref::NONE, 0, Some(snap));
        let k = t.emit(Op::KInt, Ty::I64, Ref::NONE, Ref::NONE, 1, None);
        t.emit(Op::AddOv, Ty::I64, i, k, 0, Some(snap));
        let text = t.to_string();
        assert!(
            text.contains("0001 > int  gint   0000  [pc 3 0000]"),
            "{text}"
        );
        assert!(text.contains("addov  0001 0002"), "{text}");
    }
}
