//! Lowering trace IR to AArch64 (AAPCS64). The scheme is the x86-64 backend's
//! (`crate::x64::lower`): each op loads its operands from their locations (a
//! register from the linear-scan allocation, or the home `vals[ref]`) into scratch
//! registers, computes, and writes the result to its location; exit stubs write the
//! snapshot's register-resident values home, then reach their link point.
//!
//! Frame: x19 = slots, x20 = vals, x21 = helpers (callee-saved, so they survive
//! helper calls). Every trace has the same 160-byte prologue, so traces can jump
//! into each other (side traces from exit stubs, `Link` to another trace's
//! `reentry`) and leave through any trace's epilogue:
//!
//! ```text
//! sp+0   x29 x30      sp+48  x23 x24      sp+96  d8  d9       sp+144 d14 d15
//! sp+16  x19 x20      sp+64  x25 x26      sp+112 d10 d11
//! sp+32  x21 x22      sp+80  x27 x28      sp+128 d12 d13
//! ```
//!
//! sp stays 16-byte aligned (160 = 10 * 16) at helper calls, x29 points at the
//! frame record. Scratch registers (never allocated): x0-x3, x16 (offsets and
//! addresses), x17 (constants), d0-d2. x18 (platform register) is never touched;
//! register number 31 is only ever sp (prologue and epilogue).
//!
//! Chaos instrumentation (`Options::chaos`): after a guard's own check passes,
//! `ldr x17, [countdown]; subs x17, x17, #1; str x17, [countdown]; b.eq exit`.

use std::collections::BTreeMap;

use guards::{EXIT_SENTINEL, Op, Trace, Ty, tags};

use super::emit::{Cond, D, Emitter, IP0, IP1, Label, X, b_imm26};
use crate::divide::{ConstDivisor, const_divisor};
use crate::lower::{Assembled, Backend, LowerError, Options, body_enterable, prepare};
use crate::regalloc::{Allocation, Loc, Pools};

const SLOTS: X = X(19);
const VALS: X = X(20);
const HELPERS: X = X(21);
const X0: X = X(0);
const X1: X = X(1);
const X2: X = X(2);
const X3: X = X(3);
const D0: D = D(0);
const D1: D = D(1);

/// The AArch64 backend.
pub struct Arm64 {
    /// Keep values in registers (linear scan) instead of always at home.
    pub regalloc: bool,
}

impl Arm64 {
    pub const SIMPLE: Arm64 = Arm64 { regalloc: false };
    pub const REGALLOC: Arm64 = Arm64 { regalloc: true };
}

/// Allocatable registers: the callee-saved ones not holding the frame pointers
/// first (they survive helper calls), then caller-saved temporaries. x0-x3 are
/// scratch, x16/x17 the intra-procedure scratch, x18 the platform register.
const GPR_POOL: [u8; 19] = [
    22, 23, 24, 25, 26, 27, 28, 9, 10, 11, 12, 13, 14, 15, 4, 5, 6, 7, 8,
];
/// d8-d15 (callee-saved: their low 64 bits survive calls) first, then caller-saved.
const FPR_POOL: [u8; 29] = [
    8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
    3, 4, 5, 6, 7,
];
/// The frame: size, and the pairs saved at each offset after x29/x30 at sp+0.
const FRAME: i32 = 160;
const SAVED_X: [(u8, u8, i32); 5] = [
    (19, 20, 16),
    (21, 22, 32),
    (23, 24, 48),
    (25, 26, 64),
    (27, 28, 80),
];
const SAVED_D: [(u8, u8, i32); 4] = [(8, 9, 96), (10, 11, 112), (12, 13, 128), (14, 15, 144)];

fn callee_saved(l: Loc) -> bool {
    match l {
        Loc::Gpr(g) => (19..=28).contains(&g),
        Loc::Fpr(f) => (8..=15).contains(&f),
        Loc::Home => true,
    }
}

/// The bytes that make an exit's link point (at `link_point`) branch to `target`:
/// `b imm26` (±128 MiB; the link point is always at least one instruction).
pub fn link_jump(link_point: usize, target: usize) -> Option<Vec<u8>> {
    b_imm26(link_point, target).map(|w| w.to_le_bytes().to_vec())
}

impl Backend for Arm64 {
    fn arch(&self) -> &'static str {
        "aarch64"
    }

    fn allocate(&self, trace: &Trace, opts: &Options) -> Result<(usize, Allocation), LowerError> {
        // enough registers for constants; loads and stores index on their own
        let pools = Pools::plain(&GPR_POOL, &FPR_POOL);
        prepare(trace, opts, self.regalloc.then_some(&pools))
    }

    fn register_name(&self, loc: Loc) -> String {
        match loc {
            Loc::Home => "home".into(),
            Loc::Gpr(g) => format!("x{g}"),
            Loc::Fpr(f) => format!("d{f}"),
        }
    }

    fn assemble_with(
        &self,
        trace: &Trace,
        base: usize,
        opts: &Options,
    ) -> Result<Assembled, LowerError> {
        if !base.is_multiple_of(4) {
            return Err(LowerError::Unsupported(format!(
                "code address {base:#x} not 4-byte aligned"
            )));
        }
        let (lp, alloc) = self.allocate(trace, opts)?;
        let n = trace.ins.len();
        let mut l = Lowering::new(trace, base, alloc);
        l.vals_base = opts.vals_base as i64 * 8;
        l.scratch = opts.scratch_index(n) as i64 * 8;
        l.exit_tag = opts.exit_tag;
        l.chaos = opts.chaos.then(|| opts.chaos_index(n) as i64 * 8);
        let phis = trace.ins.iter().filter(|i| i.op == Op::Phi).count();
        l.entered = opts.entered_index(n, phis) as i64 * 8;
        l.lp = lp;
        l.run(lp)
    }
}

struct Lowering<'t> {
    t: &'t Trace,
    e: Emitter,
    /// One stub per snapshot that some guard exits to.
    exits: BTreeMap<u32, Label>,
    epilogue: Label,
    alloc: Allocation,
    /// Byte offset of this trace's homes in `vals` (`Options::vals_base`).
    vals_base: i64,
    /// Byte offset in `vals` where the back edge parks the phis' new values.
    scratch: i64,
    /// Or-ed into every exit's snapshot index (`Options::exit_tag`).
    exit_tag: u32,
    /// Offset of the chaos countdown in `vals`, when chaos is on.
    chaos: Option<i64>,
    /// Whether the guard being lowered has emitted its chaos check (debug check).
    ticked: bool,
    /// Offset in `vals` of the word saying the invariants are home (see
    /// `Assembled::body_entry`).
    entered: i64,
    /// The loop marker's position (the trace length for a linking trace).
    lp: usize,
}

impl<'t> Lowering<'t> {
    fn new(t: &'t Trace, base: usize, alloc: Allocation) -> Self {
        let mut e = Emitter::new(base);
        let epilogue = e.new_label();
        Lowering {
            t,
            e,
            exits: BTreeMap::new(),
            epilogue,
            alloc,
            vals_base: 0,
            scratch: 0,
            exit_tag: 0,
            chaos: None,
            ticked: false,
            entered: 0,
            lp: usize::MAX,
        }
    }

    /// With chaos on: counts down and takes `exit` at zero (x16/x17 only, so every
    /// value is where a real failure of this guard would find it).
    fn chaos_tick(&mut self, exit: Label) {
        self.ticked = true;
        if let Some(off) = self.chaos {
            self.e.ldr(IP1, VALS, off);
            self.e.subs_imm(IP1, IP1, 1);
            self.e.str(IP1, VALS, off);
            self.e.b_cond(Cond::Eq, exit);
        }
    }

    fn exit(&mut self, snap: u32) -> Label {
        if let Some(&l) = self.exits.get(&snap) {
            return l;
        }
        let l = self.e.new_label();
        self.exits.insert(snap, l);
        l
    }

    /// The byte offset of `r`'s home in `vals` (assemble_with checked the range).
    fn home(&self, r: guards::Ref) -> i64 {
        self.vals_base + r.0 as i64 * 8
    }

    fn loc(&self, v: guards::Ref) -> Loc {
        self.alloc.loc[v.idx()]
    }

    /// Loads value `v` (any type, as its 64 bits) into GPR `r`.
    fn ld(&mut self, r: X, v: guards::Ref) {
        match self.loc(v) {
            Loc::Home => self.e.ldr(r, VALS, self.home(v)),
            Loc::Gpr(g) => self.e.mov_rr(r, X(g)),
            Loc::Fpr(f) => self.e.fmov_xd(r, D(f)),
        }
    }

    /// Writes GPR `r` as value `v`.
    fn st(&mut self, v: guards::Ref, r: X) {
        match self.loc(v) {
            Loc::Home => self.e.str(r, VALS, self.home(v)),
            Loc::Gpr(g) => self.e.mov_rr(X(g), r),
            Loc::Fpr(f) => self.e.fmov_dx(D(f), r),
        }
    }

    fn ldf(&mut self, d: D, v: guards::Ref) {
        match self.loc(v) {
            Loc::Home => self.e.ldr_d(d, VALS, self.home(v)),
            Loc::Gpr(g) => self.e.fmov_dx(d, X(g)),
            Loc::Fpr(f) => self.e.fmov_dd(d, D(f)),
        }
    }

    fn stf(&mut self, v: guards::Ref, d: D) {
        match self.loc(v) {
            Loc::Home => self.e.str_d(d, VALS, self.home(v)),
            Loc::Gpr(g) => self.e.fmov_xd(X(g), d),
            Loc::Fpr(f) => self.e.fmov_dd(D(f), d),
        }
    }

    /// Writes a register-resident value to its home.
    fn spill(&mut self, v: usize) {
        let h = self.home(guards::Ref(v as u32));
        match self.alloc.loc[v] {
            Loc::Home => {}
            Loc::Gpr(g) => self.e.str(X(g), VALS, h),
            Loc::Fpr(f) => self.e.str_d(D(f), VALS, h),
        }
    }

    /// Turns the unboxed bits of a `ty` value in x0 into its boxed value: the tag
    /// replaces an int's top 16 bits (a bool's are zero already); NaNs become the
    /// canonical NaN of their sign, as `tags::box_float`. Vals are already boxed.
    fn box_x0(&mut self, ty: Ty) {
        match ty {
            Ty::I64 => self.e.movk(X0, tags::INT as u16, 48),
            Ty::Bool => self.e.movk(X0, tags::BOOL as u16, 48),
            Ty::F64 => {
                let done = self.e.new_label();
                self.e.fmov_dx(D0, X0);
                self.e.fcmp(D0, D0);
                self.e.b_cond(Cond::Vc, done);
                self.e.and_imm(X0, X0, 1 << 63);
                self.e.orr_imm(X0, X0, tags::CANONICAL_NAN);
                self.e.bind(done);
            }
            _ => {}
        }
    }

    /// Reloads a register-resident value from its home.
    fn reload(&mut self, v: usize) {
        let h = self.home(guards::Ref(v as u32));
        match self.alloc.loc[v] {
            Loc::Home => {}
            Loc::Gpr(g) => self.e.ldr(X(g), VALS, h),
            Loc::Fpr(f) => self.e.ldr_d(D(f), VALS, h),
        }
    }

    /// Values a helper call at `pos` may clobber: live there in caller-saved registers.
    fn caller_saved_live(&self, pos: usize) -> Vec<usize> {
        self.alloc
            .live_across(pos)
            .filter(|&v| !callee_saved(self.alloc.loc[v]))
            .collect()
    }

    /// Exits unless x0 fits the 48-bit inline int range (clobbers x1).
    fn check_small_int(&mut self, exit: Label) {
        // sign-extending the low 48 bits must give the value back
        self.e.sbfx0(X1, X0, 48);
        self.e.cmp(X1, X0);
        self.e.b_cond(Cond::Ne, exit);
    }

    /// Exits unless the tag (top 16 bits) of x0 is `tag` (clobbers x1).
    fn check_tag(&mut self, tag: u64, exit: Label) {
        // the arithmetic shift makes the tag a small negative number (0xfff9: -7),
        // which `cmn` takes as an immediate
        self.e.asr_imm(X1, X0, 48);
        self.e.cmp_imm(X1, tag as u16 as i16 as i64);
        self.e.b_cond(Cond::Ne, exit);
    }

    fn prologue(&mut self) {
        let ok = self.e.stp_pre_sp(X(29), X(30), -FRAME);
        self.e.mov_from_sp(X(29));
        let ok = SAVED_X
            .iter()
            .fold(ok, |ok, &(a, b, off)| self.e.stp_sp(X(a), X(b), off) && ok);
        let ok = SAVED_D.iter().fold(ok, |ok, &(a, b, off)| {
            self.e.stp_d_sp(D(a), D(b), off) && ok
        });
        debug_assert!(ok, "the fixed frame fits the pair offsets");
        self.e.mov_rr(SLOTS, X0);
        self.e.mov_rr(VALS, X1);
        self.e.mov_rr(HELPERS, X2);
    }

    fn epilogue(&mut self) {
        let ok = SAVED_D.iter().rev().fold(true, |ok, &(a, b, off)| {
            self.e.ldp_d_sp(D(a), D(b), off) && ok
        });
        let ok = SAVED_X
            .iter()
            .rev()
            .fold(ok, |ok, &(a, b, off)| self.e.ldp_sp(X(a), X(b), off) && ok);
        let ok = self.e.ldp_post_sp(X(29), X(30), FRAME) && ok;
        debug_assert!(ok, "the fixed frame fits the pair offsets");
        self.e.ret();
    }

    fn run(mut self, lp: usize) -> Result<Assembled, LowerError> {
        let phis: Vec<usize> = (0..self.t.ins.len())
            .filter(|&i| self.t.ins[i].op == Op::Phi)
            .collect();
        // prologue: the same for every trace, so traces can jump into each other
        self.prologue();
        let reentry = self.e.len();
        let top = self.e.new_label();
        self.e.bind(top);
        if lp < self.t.ins.len() {
            // the invariants are home only once this entry reaches the loop
            self.e.mov_imm(X0, 0);
            self.e.str(X0, VALS, self.entered);
        }

        let loop_label = self.e.new_label();
        for i in 0..self.t.ins.len() {
            if i == lp {
                // loop entry: phis start from their pre-loop values
                for &p in &phis {
                    let a = self.t.ins[p].a;
                    self.ld(X0, a);
                    self.st(guards::Ref(p as u32), X0);
                }
                // the invariants home, for entries into the body from other traces
                let invariants: Vec<usize> = self.alloc.live_across(lp).collect();
                for v in invariants {
                    self.spill(v);
                }
                self.e.mov_imm(X0, 1);
                self.e.str(X0, VALS, self.entered);
                self.e.bind(loop_label);
                continue;
            }
            self.lower_ins(i)?;
        }

        // back edge (a linking trace ended with its jump instead): phis take their
        // new values as one parallel move through the scratch area in vals
        if lp < self.t.ins.len() {
            for (k, &p) in phis.iter().enumerate() {
                let b = self.t.ins[p].b;
                self.ld(X0, b);
                self.e.str(X0, VALS, self.scratch + 8 * k as i64);
            }
            for (k, &p) in phis.iter().enumerate() {
                self.e.ldr(X0, VALS, self.scratch + 8 * k as i64);
                self.st(guards::Ref(p as u32), X0);
            }
            self.e.b(loop_label);
        }
        let body_entry = body_enterable(self.t, lp).then(|| self.body_entry_stub(top, loop_label));

        // exit stubs: the snapshot's values home, then the link point: the exit code
        // in w0 and the shared epilogue (or, once patched, `b` to a side trace)
        let mut stub_offsets = Vec::new();
        let exits: Vec<(u32, Label)> = self.exits.iter().map(|(&s, &l)| (s, l)).collect();
        for (snap, l) in exits {
            self.e.bind(l);
            self.snapshot_home(snap);
            stub_offsets.push((snap, self.e.len()));
            self.e.mov_imm32(X0, self.exit_tag | snap);
            self.e.b(self.epilogue);
        }
        self.e.bind(self.epilogue);
        self.epilogue();

        let code = self
            .e
            .finish()
            .map_err(|e| LowerError::Assembler(e.to_string()))?;
        Ok(Assembled {
            code,
            exit_stubs: stub_offsets,
            reentry,
            body_entry,
        })
    }

    /// The loop-body entry (see `Assembled::body_entry`); returns its offset and
    /// that of its reloads.
    fn body_entry_stub(&mut self, top: Label, loop_label: Label) -> (usize, usize) {
        let at = self.e.len();
        let lp = self.lp;
        let fallback = self.e.new_label();
        self.e.ldr(X0, VALS, self.entered);
        self.e.cbz(X0, fallback);
        for k in self.invariant_slot_loads() {
            self.e.ldr(X0, SLOTS, self.t.ins[k].imm * 8);
            self.e.ldr(X1, VALS, self.home(guards::Ref(k as u32)));
            self.e.cmp(X0, X1);
            self.e.b_cond(Cond::Ne, fallback);
        }
        let checked = self.e.len();
        let invariants: Vec<usize> = self.alloc.live_across(lp).collect();
        for v in invariants {
            self.reload(v);
        }
        let phis: Vec<usize> = (lp..self.t.ins.len())
            .filter(|&p| self.t.ins[p].op == Op::Phi)
            .collect();
        for &p in &phis {
            self.reload(p);
        }
        self.e.b(loop_label);
        // The top reads the frame, where a linking trace need not have stored
        // the values it handed to the phis: box them there first.
        self.e.bind(fallback);
        for p in phis {
            let ins = self.t.ins[p];
            self.e.ldr(X0, VALS, self.home(guards::Ref(p as u32)));
            self.box_x0(ins.ty);
            self.e.str(X0, SLOTS, ins.imm * 8);
        }
        self.e.b(top);
        (at, checked)
    }

    /// Whether instruction `i` is a register-resident invariant slot load, which
    /// also goes home.
    fn invariant_home(&self, i: usize) -> bool {
        let ins = &self.t.ins[i];
        i < self.lp
            && self.lp < self.t.ins.len()
            && ins.op == Op::Slot
            && !self.t.carried.contains(&(ins.imm as u32))
            && !matches!(self.alloc.loc[i], Loc::Home)
    }

    /// The peeled iteration's loads of slots the body does not store: the
    /// invariants derive from their values.
    fn invariant_slot_loads(&self) -> Vec<usize> {
        (0..self.lp)
            .filter(|&k| {
                let ins = &self.t.ins[k];
                ins.op == Op::Slot && !self.t.carried.contains(&(ins.imm as u32))
            })
            .collect()
    }

    fn lower_ins(&mut self, i: usize) -> Result<(), LowerError> {
        use Op::*;
        let ins = self.t.ins[i];
        let r = guards::Ref(i as u32);
        let (a, b) = (ins.a, ins.b);
        let exit = if ins.op.is_guard() {
            Some(self.exit(ins.snap))
        } else {
            None
        };
        let exit_l = || exit.expect("guards have exits");
        self.ticked = false;
        match ins.op {
            Nop | Phi | Loop | SinkA => {}
            KInt | KFloat | KVal => match self.loc(r) {
                Loc::Gpr(g) => self.e.mov_imm(X(g), ins.imm as u64),
                _ => {
                    self.e.mov_imm(X0, ins.imm as u64);
                    self.st(r, X0);
                }
            },
            Slot => {
                self.e.ldr(X0, SLOTS, ins.imm * 8);
                self.st(r, X0);
                if self.invariant_home(i) {
                    // home too: the body-entry stub compares it with the frame
                    self.e.str(X0, VALS, self.home(r));
                }
            }
            SetVal => {
                self.ld(X0, a);
                self.e.str(X0, VALS, ins.imm * 8);
            }
            PVal => {
                self.e.ldr(X0, VALS, ins.imm * 8);
                self.st(r, X0);
            }
            Count => {
                self.e.ldr(IP1, VALS, ins.imm * 8);
                self.e.add_imm(IP1, IP1, 1);
                self.e.str(IP1, VALS, ins.imm * 8);
            }
            // the exit stub writes the snapshot home and leaves (always: no chaos
            // tick needed)
            Exit => {
                self.e.b(exit_l());
                self.ticked = true;
            }
            Link => {
                // `b` when the target is within ±128 MiB, else through x16
                if !self.e.b_abs(ins.imm as usize) {
                    self.e.mov_imm(IP0, ins.imm as u64);
                    self.e.br(IP0);
                }
            }
            SetSlot => {
                self.ld(X0, a);
                self.e.str(X0, SLOTS, ins.imm * 8);
            }
            GuardInt => {
                self.ld(X0, a);
                self.check_tag(tags::INT, exit_l());
                self.chaos_tick(exit_l());
                self.e.sbfx0(X0, X0, 48);
                self.st(r, X0);
            }
            GuardFloat => {
                self.ld(X0, a);
                self.e.mov_imm(IP1, tags::FIRST_TAGGED);
                self.e.cmp(X0, IP1);
                self.e.b_cond(Cond::Hs, exit_l());
                self.chaos_tick(exit_l());
                self.st(r, X0);
            }
            GuardBool => {
                self.ld(X0, a);
                self.check_tag(tags::BOOL, exit_l());
                self.chaos_tick(exit_l());
                self.e.and_imm(X0, X0, 1);
                self.st(r, X0);
            }
            GuardObj => {
                self.ld(X0, a);
                self.check_tag(tags::OBJ, exit_l());
                self.chaos_tick(exit_l());
                self.e.and_imm(X0, X0, tags::PAYLOAD_MASK);
                self.st(r, X0);
            }
            ARef => {
                self.ld(X0, a);
                self.ld(X1, b);
                self.e.add_lsl3(X0, X0, X1);
                self.st(r, X0);
            }
            Load | LoadConst => {
                self.ld(X0, a);
                self.e.ldr(X0, X0, ins.imm);
                self.st(r, X0);
            }
            Store => {
                self.ld(X0, a);
                self.ld(X1, b);
                self.e.str(X1, X0, ins.imm);
            }
            GuardIs => {
                self.ld(X0, a);
                self.e.mov_imm(IP1, ins.imm as u64);
                self.e.cmp(X0, IP1);
                self.e.b_cond(Cond::Ne, exit_l());
                self.chaos_tick(exit_l());
            }
            BoxInt | BoxBool | BoxFloat => {
                self.ld(X0, a);
                self.box_x0(self.t.ins[a.idx()].ty);
                self.st(r, X0);
            }
            AddOv | SubOv => {
                self.ld(X0, a);
                self.ld(X1, b);
                if ins.op == AddOv {
                    self.e.adds(X0, X0, X1);
                } else {
                    self.e.subs(X0, X0, X1);
                }
                self.e.b_cond(Cond::Vs, exit_l());
                self.check_small_int(exit_l());
                self.chaos_tick(exit_l());
                self.st(r, X0);
            }
            MulOv => {
                // the 128-bit product fits 64 bits when its high half is the sign
                // of its low half
                self.ld(X0, a);
                self.ld(X1, b);
                self.e.mul(X2, X0, X1);
                self.e.smulh(X3, X0, X1);
                self.e.cmp_asr63(X3, X2);
                self.e.b_cond(Cond::Ne, exit_l());
                self.e.mov_rr(X0, X2);
                self.check_small_int(exit_l());
                self.chaos_tick(exit_l());
                self.st(r, X0);
            }
            NegOv => {
                self.ld(X0, a);
                self.e.negs(X0, X0);
                self.e.b_cond(Cond::Vs, exit_l());
                self.check_small_int(exit_l());
                self.chaos_tick(exit_l());
                self.st(r, X0);
            }
            Mul => {
                self.ld(X0, a);
                self.ld(X1, b);
                self.e.mul(X0, X0, X1);
                self.st(r, X0);
            }
            Add | Sub | BAnd | BOr | BXor => {
                self.ld(X0, a);
                self.ld(X1, b);
                match ins.op {
                    Add => self.e.add(X0, X0, X1),
                    Sub => self.e.sub(X0, X0, X1),
                    BAnd => self.e.and(X0, X0, X1),
                    BOr => self.e.orr(X0, X0, X1),
                    _ => self.e.eor(X0, X0, X1),
                }
                self.st(r, X0);
            }
            FloorDiv | Mod => self.lower_divmod(ins.op, r, a, b, exit_l()),
            FAdd | FSub | FMul | FDiv => {
                self.ldf(D0, a);
                self.ldf(D1, b);
                match ins.op {
                    FAdd => self.e.fadd(D0, D0, D1),
                    FSub => self.e.fsub(D0, D0, D1),
                    FMul => self.e.fmul(D0, D0, D1),
                    _ => {
                        // exit on b == ±0.0; a NaN divisor compares unordered (Z=0)
                        self.e.fcmp_zero(D1);
                        self.e.b_cond(Cond::Eq, exit_l());
                        self.e.fdiv(D0, D0, D1);
                        self.chaos_tick(exit_l());
                    }
                }
                self.stf(r, D0);
            }
            FNeg => {
                self.ldf(D0, a);
                self.e.fneg(D0, D0);
                self.stf(r, D0);
            }
            FSqrt => {
                self.ldf(D0, a);
                self.e.fsqrt(D0, D0);
                self.stf(r, D0);
            }
            IToF => {
                self.ld(X0, a);
                self.e.scvtf(D0, X0);
                self.stf(r, D0);
            }
            ILt | ILe | IEq | INe | IGt | IGe => {
                let c = match ins.op {
                    ILt => Cond::Lt,
                    ILe => Cond::Le,
                    IEq => Cond::Eq,
                    INe => Cond::Ne,
                    IGt => Cond::Gt,
                    _ => Cond::Ge,
                };
                self.ld(X0, a);
                self.ld(X1, b);
                self.e.cmp(X0, X1);
                self.e.cset(X0, c);
                self.st(r, X0);
            }
            FLt | FLe | FEq | FNe | FGt | FGe => {
                // unordered sets N=0 Z=0 C=1 V=1: mi, ls, eq, gt, ge are false on
                // NaN and ne is true, as Python wants
                let c = match ins.op {
                    FLt => Cond::Mi,
                    FLe => Cond::Ls,
                    FEq => Cond::Eq,
                    FNe => Cond::Ne,
                    FGt => Cond::Gt,
                    _ => Cond::Ge,
                };
                self.ldf(D0, a);
                self.ldf(D1, b);
                self.e.fcmp(D0, D1);
                self.e.cset(X0, c);
                self.st(r, X0);
            }
            Mask => {
                // negs for neg: nothing reads the flags it sets
                self.ld(X0, a);
                self.e.negs(X0, X0);
                self.st(r, X0);
            }
            Not => {
                self.ld(X0, a);
                self.e.eor_imm(X0, X0, 1);
                self.st(r, X0);
            }
            GuardTrue | GuardFalse => {
                self.ld(X0, a);
                if ins.op == GuardTrue {
                    self.e.cbz(X0, exit_l());
                } else {
                    self.e.cbnz(X0, exit_l());
                }
                self.chaos_tick(exit_l());
            }
            CallR => {
                // A residual call may run Python code, and so the collector: the
                // snapshot's values go home, where it (and the call, for its
                // inputs) finds them through the exit code stored beside them.
                self.snapshot_home(ins.snap);
                let word = ((ins.imm as u64) << 32) | u64::from(self.exit_tag | ins.snap);
                self.e.mov_imm(X0, word);
                self.e
                    .str(X0, VALS, guards::ir::RESIDUAL_EXIT_SLOT as i64 * 8);
                self.call_helper(i, guards::ir::RESIDUAL_HELPER, exit_l());
            }
            CallG | CallA => self.call_helper(i, ins.imm, exit_l()),
        }
        debug_assert!(
            self.ticked || !ins.op.is_guard(),
            "{i:04} {}: guard without a chaos check",
            ins.op.mnemonic()
        );
        Ok(())
    }

    /// Writes every value snapshot `snap` names to its home.
    fn snapshot_home(&mut self, snap: u32) {
        for v in crate::lower::snapshot_values(self.t, snap) {
            self.spill(v);
        }
    }

    /// `CallG`/`CallR` instruction `i`: helpers[index](a, b), exiting on the
    /// sentinel.
    fn call_helper(&mut self, i: usize, index: i64, exit: Label) {
        let ins = self.t.ins[i];
        let (a, b) = (ins.a, ins.b);
        let r = guards::Ref(i as u32);
        // helpers[imm](a, b); missing operands pass 0. Caller-saved
        // registers holding live values go home first and come back before
        // the sentinel check (the exit stub reads them).
        let clobbered = self.caller_saved_live(i);
        for &v in &clobbered {
            self.spill(v);
        }
        for (reg, v) in [(X0, a), (X1, b)] {
            if v.is_none() {
                self.e.movz(reg, 0, 0);
            } else if clobbered.contains(&v.idx()) {
                self.e.ldr(reg, VALS, self.home(v));
            } else {
                self.ld(reg, v);
            }
        }
        self.e.ldr(IP0, HELPERS, index * 8);
        self.e.blr(IP0);
        for &v in &clobbered {
            self.reload(v);
        }
        self.e.mov_imm(IP1, EXIT_SENTINEL);
        self.e.cmp(X0, IP1);
        self.e.b_cond(Cond::Eq, exit);
        // No chaos exit after a helper call (see the x86-64 backend): the
        // helper may already have had its effect.
        self.ticked = true;
        self.st(r, X0);
    }

    /// A constant positive divisor's multiply-and-shift plan (`crate::divide`).
    fn const_divisor(&self, b: guards::Ref) -> Option<ConstDivisor> {
        let ins = &self.t.ins[b.idx()];
        (ins.op == Op::KInt)
            .then(|| const_divisor(ins.imm))
            .flatten()
    }

    /// Python floor division and modulo: the quotient rounds toward -inf and the
    /// remainder takes the divisor's sign; by a positive constant, a multiply and
    /// shifts (`crate::divide`). `sdiv` neither traps on zero nor on
    /// i64::MIN / -1, so only b == 0 needs a check before it; the quotient's range
    /// check catches -2^47 // -1.
    fn lower_divmod(
        &mut self,
        op: Op,
        r: guards::Ref,
        a: guards::Ref,
        b: guards::Ref,
        exit: Label,
    ) {
        if let Some(d) = self.const_divisor(b) {
            self.ld(X0, a);
            match d {
                ConstDivisor::Pow2 { shift } => {
                    if op == Op::FloorDiv {
                        self.e.asr_imm(X0, X0, shift as u8);
                    } else {
                        self.e.and_imm(X0, X0, (1u64 << shift) - 1);
                    }
                }
                ConstDivisor::Magic {
                    bias,
                    magic,
                    shift,
                    k_offset,
                } => {
                    // x2 = q = ((a + bias) * magic) >> (64 + shift) - k_offset
                    self.e.mov_imm(IP1, bias as u64);
                    self.e.add(X2, X0, IP1);
                    self.e.mov_imm(IP1, magic);
                    self.e.umulh(X2, X2, IP1);
                    self.e.lsr_imm(X2, X2, shift as u8);
                    self.e.mov_imm(IP1, k_offset as u64);
                    self.e.sub(X2, X2, IP1);
                    if op == Op::FloorDiv {
                        self.e.mov_rr(X0, X2);
                    } else {
                        // a - q * c
                        self.e.mov_imm(IP1, self.t.ins[b.idx()].imm as u64);
                        self.e.msub(X0, X2, IP1, X0);
                    }
                }
            }
            self.chaos_tick(exit);
            self.st(r, X0);
            return;
        }
        let adjusted = self.e.new_label();
        self.ld(X0, a);
        self.ld(X1, b);
        self.e.cbz(X1, exit);
        // x2 = truncated quotient, x3 = remainder (a's sign)
        self.e.sdiv(X2, X0, X1);
        self.e.msub(X3, X2, X1, X0);
        // adjust when the remainder is non-zero and its sign differs from b's
        self.e.cbz(X3, adjusted);
        self.e.eor(IP1, X3, X1);
        self.e.tbz(IP1, 63, adjusted);
        self.e.sub_imm(X2, X2, 1);
        self.e.add(X3, X3, X1);
        self.e.bind(adjusted);
        if op == Op::FloorDiv {
            self.e.mov_rr(X0, X2);
            self.check_small_int(exit);
        } else {
            self.e.mov_rr(X0, X3);
        }
        self.chaos_tick(exit);
        self.st(r, X0);
    }
}
