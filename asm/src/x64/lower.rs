//! Lowering trace IR to x86-64. Each op loads its operands from their locations
//! (a register from the linear-scan allocation, or the home `vals[ref]`) into
//! scratch registers, computes, and writes the result to its location. With
//! `regalloc: false` every value is at home (the simple scheme: every exit finds
//! all values in `vals` for free); with it, exit stubs first write the snapshot's
//! register-resident values home.
//!
//! Frame: rbx = slots, r14 = vals, r15 = helpers (callee-saved, so they survive
//! helper calls). Every trace has the same prologue (all six callee-saved registers
//! pushed, rsp 16-byte aligned) so that traces can jump into each other: a side
//! trace is entered from its parent's exit stub, and a trace ending at another
//! loop's header jumps to that loop's trace just after its prologue (`reentry`).
//! Values live at `vals[vals_base + ref]` (disjoint per trace) and the phis' new
//! values are parked in `vals` during the back-edge copy. Scratch registers (never
//! allocated): rax, rcx, rdx, r8, xmm0-xmm2.
//!
//! Chaos instrumentation (`Options::chaos`): after a guard's own check passes (and
//! before its result is written), `dec qword [countdown]; jz exit` sends it out
//! through its own exit stub when the countdown reaches zero, with every value in
//! the same place as for a real failure at that guard.

use std::collections::BTreeMap;

use guards::{EXIT_SENTINEL, Op, Trace, Ty, tags};

use super::emit::{Cond, Emitter, Label, Reg, Reg::*, Xmm};
use crate::divide::{ConstDivisor, const_divisor};
use crate::lower::{Assembled, Backend, LowerError, Options, body_enterable, prepare};
use crate::regalloc::{Allocation, Loc, Pools};

const SLOTS: Reg = Rbx;
const VALS: Reg = R14;
const HELPERS: Reg = R15;

/// The x86-64 System V backend.
pub struct X64 {
    /// Keep values in registers (linear scan) instead of always at home.
    pub regalloc: bool,
}

impl X64 {
    pub const SIMPLE: X64 = X64 { regalloc: false };
    pub const REGALLOC: X64 = X64 { regalloc: true };
}

/// Allocatable registers. rdi/rsi are safe despite being argument registers:
/// helper arguments are loaded after caller-saved values are written home.
const GPR_POOL: [Reg; 8] = [Rbp, R12, R13, R10, R11, Rsi, Rdi, R9];
const CALLEE_SAVED_POOL: [Reg; 3] = [Rbp, R12, R13];
/// Every trace saves all callee-saved registers, in this order, and pads the frame
/// so rsp is 16-byte aligned at helper calls (8 return address + 48 + 8): one frame
/// layout for all traces, so a trace can jump into another and leave through its
/// epilogue.
const SAVED: [Reg; 6] = [Rbx, R14, R15, Rbp, R12, R13];
const FRAME_PAD: i32 = 8;
const FPR_POOL: [u8; 13] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/// The bytes that make an exit's link point (at `link_point`) jump to `target`:
/// `jmp rel32` (the link point is always at least 5 bytes long).
pub fn link_jump(link_point: usize, target: usize) -> Option<Vec<u8>> {
    let rel = (target as i64) - (link_point as i64 + 5);
    let rel = i32::try_from(rel).ok()?;
    let mut b = vec![0xE9];
    b.extend_from_slice(&rel.to_le_bytes());
    Some(b)
}

impl Backend for X64 {
    fn arch(&self) -> &'static str {
        "x86_64"
    }

    fn allocate(&self, trace: &Trace, opts: &Options) -> Result<(usize, Allocation), LowerError> {
        let gpr: Vec<u8> = GPR_POOL.iter().map(|r| r.n()).collect();
        // eight GPRs: integer constants are immediates, not register tenants, and
        // item addresses are folded into the accesses ([items + i*8 + offset])
        let pools = Pools {
            gpr: &gpr,
            fpr: &FPR_POOL,
            remat_int_constants: true,
            fold_arefs: true,
        };
        prepare(trace, opts, self.regalloc.then_some(&pools))
    }

    fn register_name(&self, loc: Loc) -> String {
        match loc {
            Loc::Home => "home".into(),
            Loc::Gpr(g) => format!("{:?}", Reg::from_n(g)).to_lowercase(),
            Loc::Fpr(f) => format!("xmm{f}"),
        }
    }

    fn assemble_with(
        &self,
        trace: &Trace,
        base: usize,
        opts: &Options,
    ) -> Result<Assembled, LowerError> {
        let (lp, alloc) = self.allocate(trace, opts)?;
        let n = trace.ins.len();
        let mut l = Lowering::new(trace, base, alloc, opts.chaos);
        l.vals_base = opts.vals_base as i32 * 8;
        l.scratch = opts.scratch_index(n) as i32 * 8;
        l.exit_tag = opts.exit_tag;
        l.chaos = opts.chaos.then(|| opts.chaos_index(n) as i32 * 8);
        let phis = trace.ins.iter().filter(|i| i.op == Op::Phi).count();
        l.entered = opts.entered_index(n, phis) as i32 * 8;
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
    vals_base: i32,
    /// Byte offset in `vals` where the back edge parks the phis' new values.
    scratch: i32,
    /// Or-ed into every exit's snapshot index (`Options::exit_tag`).
    exit_tag: u32,
    /// Offset of the chaos countdown in `vals`, when chaos is on.
    chaos: Option<i32>,
    /// Whether the guard being lowered has emitted its chaos check (debug check).
    ticked: bool,
    /// Offset in `vals` of the word saying the invariants are home (see
    /// `Assembled::body_entry`).
    entered: i32,
    /// The loop marker's position (the trace length for a linking trace).
    lp: usize,
    /// Per instruction: whether it is a comparison whose only use is the guard
    /// right after it, which then branches on the flags it leaves (the Bool is
    /// never materialized).
    fused: Vec<bool>,
    /// Per instruction: a load whose only use is the comparison or `gis` right
    /// after it, which reads the memory itself (the load emits nothing).
    fused_load: Vec<bool>,
    /// Per snapshot: a fused comparison's Bool that the snapshot holds, and the
    /// value it has whenever that exit is taken (see `fusable_compares`).
    known_at_exit: BTreeMap<u32, (usize, u32)>,
    /// The condition the last fused comparison left in the flags.
    flags: Option<Cond>,
}

impl<'t> Lowering<'t> {
    fn new(t: &'t Trace, base: usize, alloc: Allocation, chaos: bool) -> Self {
        let mut e = Emitter::new(base);
        let epilogue = e.new_label();
        let (fused, known_at_exit) = fusable_compares(t, chaos);
        let fused_load = fusable_loads(t, &alloc);
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
            fused_load,
            fused,
            known_at_exit,
            flags: None,
        }
    }

    /// With chaos on: counts down and takes `exit` at zero. Emitted by every guard
    /// after its last real check, while the machine state is that of a failure.
    fn chaos_tick(&mut self, exit: Label) {
        self.ticked = true;
        if let Some(disp) = self.chaos {
            self.e.dec_m(VALS, disp);
            self.e.jcc(Cond::E, exit);
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
    fn home(&self, r: guards::Ref) -> i32 {
        self.vals_base + r.0 as i32 * 8
    }

    fn loc(&self, v: guards::Ref) -> Loc {
        self.alloc.loc[v.idx()]
    }

    /// The register `r`'s result is computed in: its own, or `scratch` when it
    /// lives at home. Never an operand's register: a value live at an instruction
    /// keeps its register through it (see `regalloc`), so writing the result
    /// early clobbers nothing an exit could need.
    fn dst_gpr(&self, r: guards::Ref, scratch: Reg) -> Reg {
        match self.loc(r) {
            Loc::Gpr(g) => Reg::from_n(g),
            _ => scratch,
        }
    }

    fn dst_xmm(&self, r: guards::Ref, scratch: Xmm) -> Xmm {
        match self.loc(r) {
            Loc::Fpr(f) => Xmm(f),
            _ => scratch,
        }
    }

    /// An operand's register: its own, or `scratch` loaded from home.
    fn src_gpr(&mut self, v: guards::Ref, scratch: Reg) -> Reg {
        match self.loc(v) {
            Loc::Gpr(g) => Reg::from_n(g),
            _ => {
                self.ld(scratch, v);
                scratch
            }
        }
    }

    fn src_xmm(&mut self, v: guards::Ref, scratch: Xmm) -> Xmm {
        match self.loc(v) {
            Loc::Fpr(f) => Xmm(f),
            _ => {
                self.ldf(scratch, v);
                scratch
            }
        }
    }

    /// The value of `v` when it is an integer constant (`kint`, `kval`).
    fn int_const(&self, v: guards::Ref) -> Option<i64> {
        let ins = &self.t.ins[v.idx()];
        matches!(ins.op, Op::KInt | Op::KVal).then_some(ins.imm)
    }

    /// The value of `v` when it is an integer constant that fits a sign-extended
    /// 32-bit immediate.
    fn imm32(&self, v: guards::Ref) -> Option<i32> {
        self.int_const(v).and_then(|k| i32::try_from(k).ok())
    }

    fn mov_unless_same(&mut self, d: Reg, s: Reg) {
        if d != s {
            self.e.mov_rr(d, s);
        }
    }

    /// `mov r, k` in its shortest form.
    fn mov_const(&mut self, r: Reg, k: i64) {
        if let Ok(u) = u32::try_from(k) {
            self.e.mov_ri32(r, u);
        } else if let Ok(i) = i32::try_from(k) {
            self.e.mov_ri32s(r, i);
        } else {
            self.e.mov_ri64(r, k);
        }
    }

    /// Loads value `v` (any type, as its 64 bits) into GPR `r`; an integer
    /// constant at home is rematerialized rather than loaded.
    fn ld(&mut self, r: Reg, v: guards::Ref) {
        match self.loc(v) {
            Loc::Home if self.int_const(v).is_some() => {
                let k = self.int_const(v).expect("checked");
                self.mov_const(r, k);
            }
            Loc::Home => self.e.load(r, VALS, self.home(v)),
            Loc::Gpr(g) if Reg::from_n(g) == r => {}
            Loc::Gpr(g) => self.e.mov_rr(r, Reg::from_n(g)),
            Loc::Fpr(f) => self.e.movq_rx(r, Xmm(f)),
        }
    }

    /// Writes GPR `r` as value `v`.
    fn st(&mut self, v: guards::Ref, r: Reg) {
        match self.loc(v) {
            Loc::Home => self.e.store(VALS, self.home(v), r),
            Loc::Gpr(g) if Reg::from_n(g) == r => {}
            Loc::Gpr(g) => self.e.mov_rr(Reg::from_n(g), r),
            Loc::Fpr(f) => self.e.movq_xr(Xmm(f), r),
        }
    }

    fn ldf(&mut self, x: Xmm, v: guards::Ref) {
        match self.loc(v) {
            Loc::Home => self.e.movsd_load(x, VALS, self.home(v)),
            Loc::Gpr(g) => self.e.movq_xr(x, Reg::from_n(g)),
            Loc::Fpr(f) if f == x.0 => {}
            Loc::Fpr(f) => self.e.movapd_rr(x, Xmm(f)),
        }
    }

    fn stf(&mut self, v: guards::Ref, x: Xmm) {
        match self.loc(v) {
            Loc::Home => self.e.movsd_store(VALS, self.home(v), x),
            Loc::Gpr(g) => self.e.movq_rx(Reg::from_n(g), x),
            Loc::Fpr(f) if f == x.0 => {}
            Loc::Fpr(f) => self.e.movapd_rr(Xmm(f), x),
        }
    }

    /// Turns the unboxed bits of a `ty` value in `d` into its boxed value (clobbers
    /// rcx). For a float, `x` holds the same value: NaNs become the canonical NaN
    /// of their sign, as `tags::box_float`. Vals are already boxed.
    fn box_bits(&mut self, ty: Ty, d: Reg, x: Xmm) {
        match ty {
            Ty::I64 => {
                self.e.shl_ri(d, 16);
                self.e.shr_ri(d, 16);
                self.e.mov_ri64(Rcx, (tags::INT << tags::SHIFT) as i64);
                self.e.or_rr(d, Rcx);
            }
            Ty::F64 => {
                let done = self.e.new_label();
                self.e.ucomisd(x, x);
                self.e.jcc(Cond::Np, done);
                self.e.shr_ri(d, 63);
                self.e.shl_ri(d, 63);
                self.e.mov_ri64(Rcx, tags::CANONICAL_NAN as i64);
                self.e.or_rr(d, Rcx);
                self.e.bind(done);
            }
            Ty::Bool => {
                self.e.mov_ri64(Rcx, tags::FALSE as i64);
                self.e.or_rr(d, Rcx);
            }
            _ => {}
        }
    }

    /// Writes a register-resident value to its home.
    fn spill(&mut self, v: usize) {
        let h = self.home(guards::Ref(v as u32));
        match self.alloc.loc[v] {
            Loc::Home => {}
            Loc::Gpr(g) => self.e.store(VALS, h, Reg::from_n(g)),
            Loc::Fpr(f) => self.e.movsd_store(VALS, h, Xmm(f)),
        }
    }

    /// Reloads a register-resident value from its home.
    fn reload(&mut self, v: usize) {
        let h = self.home(guards::Ref(v as u32));
        match self.alloc.loc[v] {
            Loc::Home => {}
            Loc::Gpr(g) => self.e.load(Reg::from_n(g), VALS, h),
            Loc::Fpr(f) => self.e.movsd_load(Xmm(f), VALS, h),
        }
    }

    /// Values a helper call at `pos` may clobber: live there in caller-saved registers.
    fn caller_saved_live(&self, pos: usize) -> Vec<usize> {
        self.alloc
            .live_across(pos)
            .filter(|&v| match self.alloc.loc[v] {
                Loc::Gpr(g) => !CALLEE_SAVED_POOL.contains(&Reg::from_n(g)),
                Loc::Fpr(_) => true,
                Loc::Home => false,
            })
            .collect()
    }

    /// Exits unless rax fits the 48-bit inline int range (clobbers rcx).
    fn check_small_int(&mut self, exit: Label) {
        self.check_small_int_in(Rax, exit);
    }

    /// Exits unless `r` fits the 48-bit inline int range (clobbers rcx).
    fn check_small_int_in(&mut self, r: Reg, exit: Label) {
        // sign-extending the low 48 bits must give the value back
        self.e.mov_rr(Rcx, r);
        self.e.shl_ri(Rcx, 16);
        self.e.sar_ri(Rcx, 16);
        self.e.cmp_rr(Rcx, r);
        self.e.jcc(Cond::Ne, exit);
    }

    /// Exits unless the tag (top 16 bits) of rax is `tag` (clobbers rcx).
    fn check_tag(&mut self, tag: u64, exit: Label) {
        self.check_tag_in(Rax, tag, exit);
    }

    /// Exits unless the tag (top 16 bits) of `r` is `tag` (clobbers rcx).
    fn check_tag_in(&mut self, r: Reg, tag: u64, exit: Label) {
        self.e.mov_rr(Rcx, r);
        self.e.shr_ri(Rcx, 48);
        self.e.cmp_ri(Rcx, tag as i32);
        self.e.jcc(Cond::Ne, exit);
    }

    /// `d = a op b` for an integer ALU op (`add`, `sub`, `and`, `or`, `xor`, and the
    /// overflow-checked `add`/`sub`/`mul`): `b` is an immediate when it is a constant
    /// that fits (not for `mul`, whose immediate form is three-operand), else its
    /// register or `scratch` loaded from home. `d` is never `b`'s register.
    fn alu(&mut self, op: Op, d: Reg, a: guards::Ref, b: guards::Ref, scratch: Reg) {
        use Op::*;
        if !matches!(op, MulOv | Mul)
            && let Some(k) = self.imm32(b)
        {
            self.ld(d, a);
            match op {
                Add | AddOv => self.e.add_ri(d, k),
                Sub | SubOv => self.e.sub_ri(d, k),
                BAnd => self.e.and_ri(d, k),
                BOr => self.e.or_ri(d, k),
                _ => self.e.xor_ri(d, k),
            }
            return;
        }
        let y = self.src_gpr(b, scratch);
        self.ld(d, a);
        match op {
            Add | AddOv => self.e.add_rr(d, y),
            Sub | SubOv => self.e.sub_rr(d, y),
            MulOv | Mul => self.e.imul_rr(d, y),
            BAnd => self.e.and_rr(d, y),
            BOr => self.e.or_rr(d, y),
            _ => self.e.xor_rr(d, y),
        }
    }

    /// Sets the flags for `a` vs `b` (integers) and returns the condition that
    /// holds when `a c b` does: a constant operand is an immediate, a load fused
    /// into the comparison is a memory operand (mirroring the condition when the
    /// operands swap sides).
    fn int_compare(&mut self, a: guards::Ref, b: guards::Ref, c: Cond) -> Cond {
        if self.fused_load[a.idx()] || self.fused_load[b.idx()] {
            // `mem c' other` holds exactly when `a c b` does
            let (m, other, c) = if self.fused_load[a.idx()] {
                (a, b, c)
            } else {
                (b, a, c.mirror())
            };
            let (base, disp) = self.fused_load_operand(m);
            return match self.imm32(other) {
                Some(k) => {
                    self.e.cmp_mi(base, disp, k);
                    c
                }
                None => {
                    let y = self.src_gpr(other, Rcx);
                    self.e.cmp_rm(y, base, disp);
                    c.mirror()
                }
            };
        }
        match (self.imm32(a), self.imm32(b)) {
            (_, Some(k)) => {
                let x = self.src_gpr(a, Rax);
                self.e.cmp_ri(x, k);
                c
            }
            (Some(k), None) => {
                let y = self.src_gpr(b, Rcx);
                self.e.cmp_ri(y, k);
                c.mirror()
            }
            (None, None) => {
                let x = self.src_gpr(a, Rax);
                let y = self.src_gpr(b, Rcx);
                self.e.cmp_rr(x, y);
                c
            }
        }
    }

    /// The memory operand of fused load `l` (base register loaded into rax when
    /// at home; `fusable_loads` admits only plain `[base + disp]` forms).
    fn fused_load_operand(&mut self, l: guards::Ref) -> (Reg, i32) {
        let ld = self.t.ins[l.idx()];
        match self.address(ld.a, ld.imm, Rax, Rdx) {
            Address::Base(base, disp) => (base, disp),
            Address::Indexed(..) => unreachable!("fusable_loads admits no indexed form"),
        }
    }

    /// The memory operand of a load or store at `base + offset`: a folded aref's
    /// item address (`items + index*8`, a constant index in the displacement)
    /// or a plain base register. Uses `s1` and `s2` for operands at home.
    fn address(&mut self, base: guards::Ref, offset: i64, s1: Reg, s2: Reg) -> Address {
        let offset = offset as i32;
        if !self.alloc.folded[base.idx()] {
            return Address::Base(self.src_gpr(base, s1), offset);
        }
        let aref = self.t.ins[base.idx()];
        let items = self.src_gpr(aref.a, s1);
        let constant = self
            .int_const(aref.b)
            .and_then(|k| k.checked_mul(8)?.checked_add(offset as i64))
            .and_then(|d| i32::try_from(d).ok());
        match constant {
            Some(disp) => Address::Base(items, disp),
            None => Address::Indexed(items, self.src_gpr(aref.b, s2), offset),
        }
    }

    fn run(mut self, lp: usize) -> Result<Assembled, LowerError> {
        let phis: Vec<usize> = (0..self.t.ins.len())
            .filter(|&i| self.t.ins[i].op == Op::Phi)
            .collect();
        // prologue: the same for every trace, so traces can jump into each other
        for r in SAVED {
            self.e.push(r);
        }
        self.e.sub_ri(Rsp, FRAME_PAD);
        self.e.mov_rr(SLOTS, Rdi);
        self.e.mov_rr(VALS, Rsi);
        self.e.mov_rr(HELPERS, Rdx);
        let reentry = self.e.len();
        let top = self.e.new_label();
        self.e.bind(top);
        if lp < self.t.ins.len() {
            // the invariants are home only once this entry reaches the loop
            self.e.mov_ri32(Rax, 0);
            self.e.store(VALS, self.entered, Rax);
        }

        let loop_label = self.e.new_label();
        for i in 0..self.t.ins.len() {
            if i == lp {
                // loop entry: phis start from their pre-loop values
                for &p in &phis {
                    let a = self.t.ins[p].a;
                    self.ld(Rax, a);
                    self.st(guards::Ref(p as u32), Rax);
                }
                // the invariants home, for entries into the body from other traces
                let invariants: Vec<usize> = self.alloc.live_across(lp).collect();
                for v in invariants {
                    self.spill(v);
                }
                self.e.mov_ri32(Rax, 1);
                self.e.store(VALS, self.entered, Rax);
                self.e.bind(loop_label);
                continue;
            }
            self.lower_ins(i)?;
        }

        // back edge (a linking trace ended with its jump instead): phis take their
        // new values as one parallel move (a phi's new value may be another phi)
        if lp < self.t.ins.len() {
            let moves: Vec<(Place, Place)> = phis
                .iter()
                .map(|&p| (self.place(p), self.place(self.t.ins[p].b.idx())))
                .collect();
            self.parallel_move(moves);
            self.e.jmp(loop_label);
        }
        let body_entry = body_enterable(self.t, lp).then(|| self.body_entry_stub(top, loop_label));

        // exit stubs: the snapshot's values home, then the link point: the exit code
        // in eax and the shared epilogue (or, once patched, a jump to a side trace)
        let mut stub_offsets = Vec::new();
        let exits: Vec<(u32, Label)> = self.exits.iter().map(|(&s, &l)| (s, l)).collect();
        for (snap, l) in exits {
            self.e.bind(l);
            let known = self.known_at_exit.get(&snap).copied();
            for v in crate::lower::snapshot_values(self.t, snap) {
                match known {
                    // never materialized: its value is what made this exit
                    Some((k, value)) if k == v => {
                        self.e.mov_ri32(Rax, value);
                        self.e.store(VALS, self.home(guards::Ref(v as u32)), Rax);
                    }
                    _ => self.spill(v),
                }
            }
            stub_offsets.push((snap, self.e.len()));
            self.e.mov_ri32(Rax, self.exit_tag | snap);
            self.e.jmp(self.epilogue);
        }
        self.e.bind(self.epilogue);
        self.e.add_ri(Rsp, FRAME_PAD);
        for r in SAVED.into_iter().rev() {
            self.e.pop(r);
        }
        self.e.ret();

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

    /// Where value `r` lives: its register, or its home.
    fn place(&self, r: usize) -> Place {
        match self.alloc.loc[r] {
            Loc::Gpr(g) => Place::Gpr(Reg::from_n(g)),
            Loc::Fpr(f) => Place::Fpr(Xmm(f)),
            Loc::Home => match self.int_const(guards::Ref(r as u32)) {
                // never written home (see the lowering of constants)
                Some(k) => Place::Const(k),
                None => Place::Mem(self.home(guards::Ref(r as u32))),
            },
        }
    }

    /// Copies the 64 bits at `src` to `dst` (rax and xmm0 are free here).
    fn move_place(&mut self, dst: Place, src: Place) {
        match (dst, src) {
            (Place::Gpr(d), Place::Gpr(s)) => self.e.mov_rr(d, s),
            (Place::Gpr(d), Place::Fpr(s)) => self.e.movq_rx(d, s),
            (Place::Gpr(d), Place::Mem(o)) => self.e.load(d, VALS, o),
            (Place::Fpr(d), Place::Gpr(s)) => self.e.movq_xr(d, s),
            (Place::Fpr(d), Place::Fpr(s)) => self.e.movapd_rr(d, s),
            (Place::Fpr(d), Place::Mem(o)) => self.e.movsd_load(d, VALS, o),
            (Place::Mem(o), Place::Gpr(s)) => self.e.store(VALS, o, s),
            (Place::Mem(o), Place::Fpr(s)) => self.e.movsd_store(VALS, o, s),
            (Place::Mem(o), Place::Mem(p)) => {
                self.e.load(Rax, VALS, p);
                self.e.store(VALS, o, Rax);
            }
            (Place::Gpr(d), Place::Const(k)) => self.mov_const(d, k),
            (Place::Fpr(d), Place::Const(k)) => {
                self.mov_const(Rax, k);
                self.e.movq_xr(d, Rax);
            }
            (Place::Mem(o), Place::Const(k)) => {
                self.mov_const(Rax, k);
                self.e.store(VALS, o, Rax);
            }
            (Place::Const(_), _) => unreachable!("a constant is never a move's destination"),
        }
    }

    /// Performs `moves` (dst <- src) as if all at once: a move goes as soon as
    /// no other pending move still reads its destination; a cycle is broken by
    /// parking one destination's old value in the phis' scratch word in `vals`.
    fn parallel_move(&mut self, moves: Vec<(Place, Place)>) {
        let mut pending: Vec<(Place, Place)> = moves.into_iter().filter(|(d, s)| d != s).collect();
        let park = Place::Mem(self.scratch);
        while !pending.is_empty() {
            let free = pending
                .iter()
                .position(|(d, _)| !pending.iter().any(|(_, s)| s == d));
            match free {
                Some(k) => {
                    let (d, s) = pending.remove(k);
                    self.move_place(d, s);
                }
                None => {
                    let (d, _) = pending[0];
                    self.move_place(park, d);
                    for m in pending.iter_mut().filter(|m| m.1 == d) {
                        m.1 = park;
                    }
                }
            }
        }
    }

    /// The loop-body entry (see `Assembled::body_entry`); returns its offset and
    /// that of its reloads.
    fn body_entry_stub(&mut self, top: Label, loop_label: Label) -> (usize, usize) {
        let at = self.e.len();
        let lp = self.lp;
        let fallback = self.e.new_label();
        self.e.load(Rax, VALS, self.entered);
        self.e.test_rr(Rax, Rax);
        self.e.jcc(Cond::E, fallback);
        for k in self.invariant_slot_loads() {
            self.e.load(Rax, SLOTS, self.t.ins[k].imm as i32 * 8);
            self.e.load(Rcx, VALS, self.home(guards::Ref(k as u32)));
            self.e.cmp_rr(Rax, Rcx);
            self.e.jcc(Cond::Ne, fallback);
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
        self.e.jmp(loop_label);
        // The top reads the frame, where a linking trace need not have stored
        // the values it handed to the phis: box them there first.
        self.e.bind(fallback);
        for p in phis {
            let ins = self.t.ins[p];
            self.e.load(Rax, VALS, self.home(guards::Ref(p as u32)));
            if ins.ty == Ty::F64 {
                self.e.movq_xr(Xmm(0), Rax);
            }
            self.box_bits(ins.ty, Rax, Xmm(0));
            self.e.store(SLOTS, ins.imm as i32 * 8, Rax);
        }
        self.e.jmp(top);
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
            // A rematerialized integer constant has no register and needs no
            // home either: its uses are immediates or `mov_const`, and exits
            // take constants from the IR (`deopt::box_ref`).
            KInt | KVal if matches!(self.loc(r), Loc::Home) => {}
            KInt | KFloat | KVal => {
                self.mov_const(Rax, ins.imm);
                self.st(r, Rax);
            }
            Slot => {
                let d = self.dst_gpr(r, Rax);
                self.e.load(d, SLOTS, ins.imm as i32 * 8);
                self.st(r, d);
                if self.invariant_home(i) {
                    // home too: the body-entry stub compares it with the frame
                    self.e.store(VALS, self.home(r), d);
                }
            }
            SetVal => {
                let x = self.src_gpr(a, Rax);
                self.e.store(VALS, ins.imm as i32 * 8, x);
            }
            PVal => match self.loc(r) {
                Loc::Fpr(f) => self.e.movsd_load(Xmm(f), VALS, ins.imm as i32 * 8),
                _ => {
                    let d = self.dst_gpr(r, Rax);
                    self.e.load(d, VALS, ins.imm as i32 * 8);
                    self.st(r, d);
                }
            },
            Count => self.e.inc_m(VALS, ins.imm as i32 * 8),
            // the exit stub writes the snapshot home and leaves (always: no chaos
            // tick needed)
            Exit => {
                self.e.jmp(exit_l());
                self.ticked = true;
            }
            Link => {
                if !self.e.jmp_abs(ins.imm as usize) {
                    return Err(LowerError::Unsupported(format!(
                        "{i:04}: link target {:#x} out of jump range",
                        ins.imm
                    )));
                }
            }
            SetSlot => {
                let x = self.src_gpr(a, Rax);
                self.e.store(SLOTS, ins.imm as i32 * 8, x);
            }
            GuardInt => {
                let x = self.src_gpr(a, Rax);
                self.check_tag_in(x, tags::INT, exit_l());
                self.chaos_tick(exit_l());
                let d = self.dst_gpr(r, Rax);
                self.mov_unless_same(d, x);
                self.e.shl_ri(d, 16);
                self.e.sar_ri(d, 16);
                self.st(r, d);
            }
            GuardFloat => {
                let x = self.src_gpr(a, Rax);
                self.e.mov_ri64(Rcx, tags::FIRST_TAGGED as i64);
                self.e.cmp_rr(x, Rcx);
                self.e.jcc(Cond::Ae, exit_l());
                self.chaos_tick(exit_l());
                self.st(r, x);
            }
            GuardBool => {
                self.ld(Rax, a);
                self.check_tag(tags::BOOL, exit_l());
                self.chaos_tick(exit_l());
                self.e.mov_ri32(Rcx, 1);
                self.e.and_rr(Rax, Rcx);
                self.st(r, Rax);
            }
            GuardIs if self.fused_load[a.idx()] => {
                let (base, disp) = self.fused_load_operand(a);
                match i32::try_from(ins.imm) {
                    Ok(k) => self.e.cmp_mi(base, disp, k),
                    Err(_) => {
                        self.e.mov_ri64(Rcx, ins.imm);
                        self.e.cmp_rm(Rcx, base, disp);
                    }
                }
                self.e.jcc(Cond::Ne, exit_l());
                self.chaos_tick(exit_l());
            }
            GuardIs => {
                let x = self.src_gpr(a, Rax);
                match i32::try_from(ins.imm) {
                    Ok(k) => self.e.cmp_ri(x, k),
                    Err(_) => {
                        self.e.mov_ri64(Rcx, ins.imm);
                        self.e.cmp_rr(x, Rcx);
                    }
                }
                self.e.jcc(Cond::Ne, exit_l());
                self.chaos_tick(exit_l());
            }
            BoxInt => {
                self.ld(Rax, a);
                self.box_bits(Ty::I64, Rax, Xmm(0));
                self.st(r, Rax);
            }
            BoxFloat => {
                let x = self.src_xmm(a, Xmm(0));
                let d = self.dst_gpr(r, Rax);
                self.e.movq_rx(d, x);
                self.box_bits(Ty::F64, d, x);
                self.st(r, d);
            }
            BoxBool => {
                self.ld(Rax, a);
                self.box_bits(Ty::Bool, Rax, Xmm(0));
                self.st(r, Rax);
            }
            AddOv | SubOv | MulOv => {
                let d = self.dst_gpr(r, Rax);
                match (ins.op, self.imm32(b)) {
                    (MulOv, Some(k)) => {
                        let x = self.src_gpr(a, Rdx);
                        self.e.imul_rri(d, x, k);
                    }
                    _ => self.alu(ins.op, d, a, b, Rdx),
                }
                self.e.jcc(Cond::O, exit_l());
                self.check_small_int_in(d, exit_l());
                self.chaos_tick(exit_l());
                self.st(r, d);
            }
            NegOv => {
                self.ld(Rax, a);
                self.e.neg_r(Rax);
                self.e.jcc(Cond::O, exit_l());
                self.check_small_int(exit_l());
                self.chaos_tick(exit_l());
                self.st(r, Rax);
            }
            Add | Sub | BAnd | BOr | BXor => {
                let d = self.dst_gpr(r, Rax);
                self.alu(ins.op, d, a, b, Rcx);
                self.st(r, d);
            }
            Mul => {
                let d = self.dst_gpr(r, Rax);
                match self.imm32(b) {
                    Some(k) => {
                        let x = self.src_gpr(a, Rdx);
                        self.e.imul_rri(d, x, k);
                    }
                    None => self.alu(ins.op, d, a, b, Rdx),
                }
                self.st(r, d);
            }
            FloorDiv | Mod => self.lower_divmod(ins.op, r, a, b, exit_l()),
            FAdd | FSub | FMul => {
                let d = self.dst_xmm(r, Xmm(0));
                let y = self.src_xmm(b, Xmm(1));
                self.ldf(d, a);
                match ins.op {
                    FAdd => self.e.addsd(d, y),
                    FSub => self.e.subsd(d, y),
                    _ => self.e.mulsd(d, y),
                }
                self.stf(r, d);
            }
            FDiv => {
                self.ldf(Xmm(0), a);
                let y = self.src_xmm(b, Xmm(1));
                // exit on b == ±0.0; a NaN divisor is unordered (PF set), not zero
                let ok = self.e.new_label();
                self.e.xorpd(Xmm(2), Xmm(2));
                self.e.ucomisd(y, Xmm(2));
                self.e.jcc(Cond::P, ok);
                self.e.jcc(Cond::E, exit_l());
                self.e.bind(ok);
                self.e.divsd(Xmm(0), y);
                self.chaos_tick(exit_l());
                self.stf(r, Xmm(0));
            }
            FNeg => {
                self.ld(Rax, a);
                self.e.mov_ri64(Rcx, i64::MIN);
                self.e.xor_rr(Rax, Rcx);
                self.st(r, Rax);
            }
            // sqrtsd and cvtsi2sd keep the destination's upper half: zeroing it
            // first (a dependency-breaking idiom) keeps the result from waiting on
            // whatever last wrote that register, often the previous iteration.
            FSqrt => {
                let x = self.src_xmm(a, Xmm(0));
                let d = self.dst_xmm(r, Xmm(0));
                if d != x {
                    self.e.xorpd(d, d);
                }
                self.e.sqrtsd(d, x);
                self.stf(r, d);
            }
            IToF => {
                let x = self.src_gpr(a, Rax);
                let d = self.dst_xmm(r, Xmm(0));
                self.e.xorpd(d, d);
                self.e.cvtsi2sd(d, x);
                self.stf(r, d);
            }
            ILt | ILe | IEq | INe | IGt | IGe => {
                let c = match ins.op {
                    ILt => Cond::L,
                    ILe => Cond::Le,
                    IEq => Cond::E,
                    INe => Cond::Ne,
                    IGt => Cond::G,
                    _ => Cond::Ge,
                };
                let c = self.int_compare(a, b, c);
                if self.fused[i] {
                    self.flags = Some(c);
                    return Ok(());
                }
                self.e.setcc(c, Rax);
                self.e.movzx_r8(Rax, Rax);
                self.st(r, Rax);
            }
            FLt | FLe | FGt | FGe => {
                // ucomisd reports unordered as "below and equal", so only
                // above/above-or-equal are false on NaN: compare with swapped
                // operands for < and <=
                let (x, y, c) = match ins.op {
                    FGt => (a, b, Cond::A),
                    FGe => (a, b, Cond::Ae),
                    FLt => (b, a, Cond::A),
                    _ => (b, a, Cond::Ae),
                };
                let x = self.src_xmm(x, Xmm(0));
                let y = self.src_xmm(y, Xmm(1));
                self.e.ucomisd(x, y);
                if self.fused[i] {
                    self.flags = Some(c);
                    return Ok(());
                }
                self.e.setcc(c, Rax);
                self.e.movzx_r8(Rax, Rax);
                self.st(r, Rax);
            }
            FEq | FNe => {
                // equal = ZF && !PF; not equal = !ZF || PF (NaN != anything)
                self.ldf(Xmm(0), a);
                self.ldf(Xmm(1), b);
                self.e.ucomisd(Xmm(0), Xmm(1));
                if ins.op == FEq {
                    self.e.setcc(Cond::E, Rax);
                    self.e.setcc(Cond::Np, Rcx);
                    self.e.movzx_r8(Rax, Rax);
                    self.e.movzx_r8(Rcx, Rcx);
                    self.e.and_rr(Rax, Rcx);
                } else {
                    self.e.setcc(Cond::Ne, Rax);
                    self.e.setcc(Cond::P, Rcx);
                    self.e.movzx_r8(Rax, Rax);
                    self.e.movzx_r8(Rcx, Rcx);
                    self.e.or_rr(Rax, Rcx);
                }
                self.st(r, Rax);
            }
            Mask => {
                let d = self.dst_gpr(r, Rax);
                self.ld(d, a);
                self.e.neg_r(d);
                self.st(r, d);
            }
            Not => {
                self.ld(Rax, a);
                self.e.mov_ri32(Rcx, 1);
                self.e.xor_rr(Rax, Rcx);
                self.st(r, Rax);
            }
            GuardTrue | GuardFalse if self.flags.is_some() => {
                // the comparison just before left its condition in the flags
                let c = self.flags.take().expect("checked");
                let exit_when = if ins.op == GuardTrue { c.invert() } else { c };
                self.e.jcc(exit_when, exit_l());
                self.chaos_tick(exit_l());
            }
            GuardTrue | GuardFalse => {
                let x = self.src_gpr(a, Rax);
                self.e.test_rr(x, x);
                self.e.jcc(
                    if ins.op == GuardTrue {
                        Cond::E
                    } else {
                        Cond::Ne
                    },
                    exit_l(),
                );
                self.chaos_tick(exit_l());
            }
            GuardObj => {
                // adding 2^64 - (OBJ << 48) leaves the payload, with the top 16
                // bits zero exactly when the tag was OBJ
                let x = self.src_gpr(a, Rax);
                let d = self.dst_gpr(r, Rax);
                let d = if d == x { Rdx } else { d };
                self.e
                    .mov_ri64(d, (tags::OBJ << tags::SHIFT).wrapping_neg() as i64);
                self.e.add_rr(d, x);
                self.e.mov_rr(Rcx, d);
                self.e.shr_ri(Rcx, 48);
                self.e.jcc(Cond::Ne, exit_l());
                self.chaos_tick(exit_l());
                self.st(r, d);
            }
            ARef if self.alloc.folded[i] => {}
            ARef => {
                let x = self.src_gpr(a, Rax);
                let y = self.src_gpr(b, Rcx);
                let d = self.dst_gpr(r, Rax);
                self.e.lea_index8(d, x, y);
                self.st(r, d);
            }
            // compared in memory by the next instruction
            Load | LoadConst if self.fused_load[i] => {}
            Load | LoadConst => {
                let d = self.dst_gpr(r, Rax);
                match self.address(a, ins.imm, Rax, Rcx) {
                    Address::Base(x, disp) => self.e.load(d, x, disp),
                    Address::Indexed(x, y, disp) => self.e.load_index8(d, x, y, disp),
                }
                self.st(r, d);
            }
            Store => {
                let y = self.src_gpr(b, Rdx);
                match self.address(a, ins.imm, Rax, Rcx) {
                    Address::Base(x, disp) => self.e.store(x, disp, y),
                    Address::Indexed(x, i, disp) => self.e.store_index8(x, i, disp, y),
                }
            }
            CallR => {
                // A residual call may run Python code, and so the collector: the
                // snapshot's values go home, where it (and the call, for its
                // inputs) finds them through the exit code stored beside them.
                self.snapshot_home(ins.snap);
                let word = (ins.imm << 32) | i64::from(self.exit_tag | ins.snap);
                self.e.mov_ri64(Rax, word);
                self.e
                    .store(VALS, guards::ir::RESIDUAL_EXIT_SLOT as i32 * 8, Rax);
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
        // registers holding live values go home first (so the arguments
        // can be loaded into rdi/rsi whatever they hold) and come back
        // before the sentinel check (the exit stub reads them).
        let clobbered = self.caller_saved_live(i);
        for &v in &clobbered {
            self.spill(v);
        }
        for (reg, v) in [(Rdi, a), (Rsi, b)] {
            if v.is_none() {
                self.e.mov_ri32(reg, 0);
            } else if clobbered.contains(&v.idx()) {
                self.e.load(reg, VALS, self.home(v));
            } else {
                self.ld(reg, v);
            }
        }
        self.e.load(Rax, HELPERS, index as i32 * 8);
        self.e.call_r(Rax);
        for &v in &clobbered {
            self.reload(v);
        }
        self.e.mov_ri64(Rcx, EXIT_SENTINEL as i64);
        self.e.cmp_rr(Rax, Rcx);
        self.e.jcc(Cond::E, exit);
        // No chaos exit after a helper call: the helper may already have had
        // its effect (advanced an iterator, appended, stored), and the exit's
        // pc would run that bytecode again. A helper's own failure never has
        // an effect, so only that exit is real.
        self.ticked = true;
        self.st(r, Rax);
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
    /// shifts (`crate::divide`).
    fn lower_divmod(
        &mut self,
        op: Op,
        r: guards::Ref,
        a: guards::Ref,
        b: guards::Ref,
        exit: Label,
    ) {
        if let Some(d) = self.const_divisor(b) {
            self.ld(Rax, a);
            match d {
                ConstDivisor::Pow2 { shift } => {
                    if op == Op::FloorDiv {
                        self.e.sar_ri(Rax, shift as u8);
                    } else {
                        self.e.mov_ri64(Rcx, (1i64 << shift) - 1);
                        self.e.and_rr(Rax, Rcx);
                    }
                }
                ConstDivisor::Magic {
                    bias,
                    magic,
                    shift,
                    k_offset,
                } => {
                    // rdx = q = ((a + bias) * magic) >> (64 + shift) - k_offset
                    self.e.mov_rr(R8, Rax);
                    match i32::try_from(bias) {
                        Ok(k) => self.e.add_ri(Rax, k),
                        Err(_) => {
                            self.e.mov_ri64(Rcx, bias);
                            self.e.add_rr(Rax, Rcx);
                        }
                    }
                    self.e.mov_ri64(Rcx, magic as i64);
                    self.e.mul_r(Rcx);
                    if shift > 0 {
                        self.e.shr_ri(Rdx, shift as u8);
                    }
                    match i32::try_from(k_offset) {
                        Ok(k) => self.e.sub_ri(Rdx, k),
                        Err(_) => {
                            self.e.mov_ri64(Rcx, k_offset);
                            self.e.sub_rr(Rdx, Rcx);
                        }
                    }
                    self.e.mov_rr(Rax, Rdx);
                    if op == Op::Mod {
                        // a - q * c
                        let c = self.t.ins[b.idx()].imm;
                        match i32::try_from(c) {
                            Ok(k) => self.e.imul_rri(Rdx, Rdx, k),
                            Err(_) => {
                                self.e.mov_ri64(Rcx, c);
                                self.e.imul_rr(Rdx, Rcx);
                            }
                        }
                        self.e.mov_rr(Rax, R8);
                        self.e.sub_rr(Rax, Rdx);
                    }
                }
            }
            self.chaos_tick(exit);
            self.st(r, Rax);
            return;
        }
        let (divide, done) = (self.e.new_label(), self.e.new_label());
        self.ld(Rax, a);
        self.ld(R8, b);
        self.e.test_rr(R8, R8);
        self.e.jcc(Cond::E, exit);
        // b == -1 is special-cased: idiv would fault on i64::MIN / -1
        self.e.cmp_ri(R8, -1);
        self.e.jcc(Cond::Ne, divide);
        if op == Op::FloorDiv {
            self.e.neg_r(Rax);
            self.e.jcc(Cond::O, exit);
            self.check_small_int(exit);
        } else {
            self.e.mov_ri32(Rax, 0);
        }
        self.e.jmp(done);
        self.e.bind(divide);
        self.e.cqo();
        self.e.idiv_r(R8);
        // rax = truncated quotient, rdx = remainder with a's sign; adjust when the
        // remainder is non-zero and its sign differs from b's
        let adjusted = self.e.new_label();
        self.e.test_rr(Rdx, Rdx);
        self.e.jcc(Cond::E, adjusted);
        self.e.mov_rr(Rcx, Rdx);
        self.e.xor_rr(Rcx, R8);
        self.e.jcc(Cond::Ns, adjusted);
        self.e.add_ri(Rax, -1);
        self.e.add_rr(Rdx, R8);
        self.e.bind(adjusted);
        if op == Op::Mod {
            self.e.mov_rr(Rax, Rdx);
        }
        self.e.bind(done);
        self.chaos_tick(exit);
        self.st(r, Rax);
    }
}

/// Comparisons whose Bool only feeds the guard right after them, which then
/// branches on the flags (the Bool is never materialized). Float equality is
/// left out (its unordered case needs two flags). The Bool may also be in that
/// guard's own snapshot when no other guard exits through it (a branch's exit
/// resumes at the branch, with its condition on the stack): the exit is taken
/// exactly when the Bool has the value that fails the guard, so the stub writes
/// that constant (the second result, per snapshot). Not with chaos, whose exits
/// leave guards that passed.
fn fusable_compares(t: &Trace, chaos: bool) -> (Vec<bool>, BTreeMap<u32, (usize, u32)>) {
    let n = t.ins.len();
    let mut uses = vec![0u32; n];
    for ins in &t.ins {
        for r in [ins.a, ins.b] {
            if !r.is_none() && r.idx() < n {
                uses[r.idx()] += 1;
            }
        }
    }
    let mut guards_per_snapshot = vec![0u32; t.snapshots.len()];
    // per ref: the snapshots it is in
    let mut in_snapshots: Vec<Vec<u32>> = vec![Vec::new(); n];
    for ins in t.ins.iter().filter(|i| i.op.is_guard()) {
        if (ins.snap as usize) < t.snapshots.len() {
            guards_per_snapshot[ins.snap as usize] += 1;
            t.visit_snapshot_values(ins.snap, &mut |r| {
                if r.idx() < n && !in_snapshots[r.idx()].contains(&ins.snap) {
                    in_snapshots[r.idx()].push(ins.snap);
                }
            });
        }
    }
    let mut fused = vec![false; n];
    let mut known = BTreeMap::new();
    for i in 0..n {
        use Op::*;
        let cmp = matches!(
            t.ins[i].op,
            ILt | ILe | IEq | INe | IGt | IGe | FLt | FLe | FGt | FGe
        );
        let Some(g) = t.ins.get(i + 1) else { continue };
        if !cmp || uses[i] != 1 || !matches!(g.op, GuardTrue | GuardFalse) || g.a.idx() != i {
            continue;
        }
        match in_snapshots[i].as_slice() {
            [] => fused[i] = true,
            [s] if !chaos && *s == g.snap && guards_per_snapshot[*s as usize] == 1 => {
                fused[i] = true;
                known.insert(*s, (i, u32::from(g.op == GuardFalse)));
            }
            _ => {}
        }
    }
    (fused, known)
}

/// Loads (`ld`, `ldc`, integers and values) whose one use is the integer
/// comparison or `gis` right after them, in no snapshot, at a plain
/// `[base + disp]` address: that instruction compares in memory.
fn fusable_loads(t: &Trace, alloc: &Allocation) -> Vec<bool> {
    use Op::*;
    let n = t.ins.len();
    let mut uses = vec![0u32; n];
    for ins in &t.ins {
        for r in [ins.a, ins.b] {
            if !r.is_none() && r.idx() < n {
                uses[r.idx()] += 1;
            }
        }
    }
    let mut in_snapshot = vec![false; n];
    for ins in t.ins.iter().filter(|i| i.op.is_guard()) {
        if (ins.snap as usize) < t.snapshots.len() {
            t.visit_snapshot_values(ins.snap, &mut |r| {
                if r.idx() < n {
                    in_snapshot[r.idx()] = true;
                }
            });
        }
    }
    let plain_address = |ld: &guards::Ins| {
        let base = ld.a.idx();
        if base >= n || !alloc.folded[base] {
            return true;
        }
        let index = &t.ins[t.ins[base].b.idx()];
        index.op == KInt
            && index
                .imm
                .checked_mul(8)
                .and_then(|d| d.checked_add(ld.imm))
                .is_some_and(|d| i32::try_from(d).is_ok())
    };
    (0..n)
        .map(|i| {
            let ld = &t.ins[i];
            let Some(next) = t.ins.get(i + 1) else {
                return false;
            };
            let me = guards::Ref(i as u32);
            let consumer = match next.op {
                GuardIs => next.a == me,
                ILt | ILe | IEq | INe | IGt | IGe => (next.a == me) != (next.b == me),
                _ => false,
            };
            matches!(ld.op, Load | LoadConst)
                && ld.ty != guards::Ty::F64
                && uses[i] == 1
                && !in_snapshot[i]
                && consumer
                && plain_address(ld)
        })
        .collect()
}

/// A load's or store's memory operand: `[base + disp]` or `[base + index*8 + disp]`.
enum Address {
    Base(Reg, i32),
    Indexed(Reg, Reg, i32),
}

/// A value's location for moves: a register or a byte offset in `vals`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Place {
    Gpr(Reg),
    Fpr(Xmm),
    Mem(i32),
    /// An integer constant without a home (sources only).
    Const(i64),
}
