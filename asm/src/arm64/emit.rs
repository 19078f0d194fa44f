//! The AArch64 emitter: one method per instruction form the lowering uses, over a
//! `dynasmrt::VecAssembler<Aarch64Relocation>` that assembles for the code's final
//! address.
//!
//! dynasm panics at run time when a dynamic immediate does not fit its field, so
//! every method taking an immediate checks the range first and falls back to a
//! longer sequence through a scratch register (x16 for addresses and offsets, x17
//! for constants; neither ever holds a value across methods): nothing here panics
//! on any operand value. Branches to labels are checked by dynasm when it
//! resolves them (`finish` returns an error, never a panic, for a branch out of
//! range); branches to absolute addresses are checked here.
//!
//! Registers: `X(n)` is x0..x30 (a dynamic register number 31 means xzr in the
//! X family and sp in the SP family, so the stack pointer has its own methods and
//! the lowering never names 31). x18 is the platform register: the lowering never
//! uses it.

// dynasm's expansion converts dynamic register numbers with `.into()`
// and computes field values with no-op arithmetic for zero operands
#![allow(clippy::useless_conversion, clippy::identity_op)]

use dynasmrt::aarch64::{Aarch64Relocation, encode_logical_immediate_64bit};
use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler, dynasm};

/// A general-purpose register x0..x30 by number.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub struct X(pub u8);

/// A floating-point register d0..d31 by number (the low 64 bits of v0..v31).
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub struct D(pub u8);

/// Address scratch: large offsets, absolute branch targets, helper addresses.
pub const IP0: X = X(16);
/// Constant scratch: immediates that do not fit an instruction's field.
pub const IP1: X = X(17);

/// Condition codes, numbered as in the encodings (`b.cond`, `cset`).
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum Cond {
    Eq = 0,
    Ne,
    Hs,
    Lo,
    Mi,
    Pl,
    Vs,
    Vc,
    Hi,
    Ls,
    Ge,
    Lt,
    Gt,
    Le,
}

pub type Label = DynamicLabel;

pub struct Emitter {
    pub ops: VecAssembler<Aarch64Relocation>,
    /// The address the first byte will live at.
    base: usize,
}

/// Whether `off` fits the scaled unsigned 12-bit offset of a 64-bit load/store.
fn scaled_u12(off: i64) -> Option<u32> {
    (off >= 0 && off % 8 == 0 && off / 8 < 4096).then_some(off as u32)
}

/// Whether `off` fits the scaled signed 7-bit offset of a 64-bit pair load/store.
fn scaled_s7(off: i32) -> bool {
    off % 8 == 0 && (-64..64).contains(&(off / 8))
}

/// The `b`/`bl` encoding for a branch at `from` to `to`, when it is in range
/// (±128 MiB, both 4-byte aligned).
pub fn b_imm26(from: usize, to: usize) -> Option<u32> {
    let rel = to as i64 - from as i64;
    if rel % 4 != 0 || !from.is_multiple_of(4) || !(-(1 << 27)..(1 << 27)).contains(&rel) {
        return None;
    }
    Some(0x1400_0000 | ((rel >> 2) as u32 & 0x03ff_ffff))
}

macro_rules! alu3 {
    ($($name:ident => $mn:ident;)*) => {$(
        pub fn $name(&mut self, d: X, n: X, m: X) {
            dynasm!(self.ops ; .arch aarch64 ; $mn X(d.0), X(n.0), X(m.0));
        }
    )*};
}

macro_rules! fp3 {
    ($($name:ident => $mn:ident;)*) => {$(
        pub fn $name(&mut self, d: D, n: D, m: D) {
            dynasm!(self.ops ; .arch aarch64 ; $mn D(d.0), D(n.0), D(m.0));
        }
    )*};
}

impl Emitter {
    /// An emitter whose first byte will live at `base`.
    pub fn new(base: usize) -> Emitter {
        Emitter {
            ops: VecAssembler::new(base),
            base,
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.ops.new_dynamic_label()
    }

    pub fn bind(&mut self, l: Label) {
        dynasm!(self.ops ; .arch aarch64 ; =>l);
    }

    /// Current length in bytes.
    pub fn len(&self) -> usize {
        self.ops.offset().0
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Resolves labels and returns the code.
    pub fn finish(self) -> Result<Vec<u8>, dynasmrt::DynasmError> {
        self.ops.finalize()
    }

    fn word(&mut self, w: u32) {
        self.ops.push_u32(w);
    }

    // --- moves and constants

    /// `movz xd, #imm16, lsl #shift` (shift is taken modulo 64, rounded to 16)
    pub fn movz(&mut self, d: X, imm: u16, shift: u8) {
        match shift & 0x30 {
            0 => dynasm!(self.ops ; .arch aarch64 ; movz X(d.0), imm as u32),
            16 => dynasm!(self.ops ; .arch aarch64 ; movz X(d.0), imm as u32, lsl 16),
            32 => dynasm!(self.ops ; .arch aarch64 ; movz X(d.0), imm as u32, lsl 32),
            _ => dynasm!(self.ops ; .arch aarch64 ; movz X(d.0), imm as u32, lsl 48),
        }
    }

    /// `movk xd, #imm16, lsl #shift`
    pub fn movk(&mut self, d: X, imm: u16, shift: u8) {
        match shift & 0x30 {
            0 => dynasm!(self.ops ; .arch aarch64 ; movk X(d.0), imm as u32),
            16 => dynasm!(self.ops ; .arch aarch64 ; movk X(d.0), imm as u32, lsl 16),
            32 => dynasm!(self.ops ; .arch aarch64 ; movk X(d.0), imm as u32, lsl 32),
            _ => dynasm!(self.ops ; .arch aarch64 ; movk X(d.0), imm as u32, lsl 48),
        }
    }

    /// `movn xd, #imm16, lsl #shift` (xd = !(imm16 << shift))
    pub fn movn(&mut self, d: X, imm: u16, shift: u8) {
        match shift & 0x30 {
            0 => dynasm!(self.ops ; .arch aarch64 ; movn X(d.0), imm as u32),
            16 => dynasm!(self.ops ; .arch aarch64 ; movn X(d.0), imm as u32, lsl 16),
            32 => dynasm!(self.ops ; .arch aarch64 ; movn X(d.0), imm as u32, lsl 32),
            _ => dynasm!(self.ops ; .arch aarch64 ; movn X(d.0), imm as u32, lsl 48),
        }
    }

    /// Any 64-bit constant: movz (or movn when most halfwords are 0xffff) for the
    /// first halfword that differs from the background, movk for the rest. 1 to 4
    /// instructions.
    pub fn mov_imm(&mut self, d: X, imm: u64) {
        let half = |k: u32| (imm >> (16 * k)) as u16;
        let ones = (0..4).filter(|&k| half(k) == 0xffff).count();
        let zeros = (0..4).filter(|&k| half(k) == 0).count();
        let inverted = ones > zeros;
        let background = if inverted { 0xffff } else { 0 };
        let mut parts: Vec<u32> = (0..4).filter(|&k| half(k) != background).collect();
        if parts.is_empty() {
            parts.push(0);
        }
        for (n, &k) in parts.iter().enumerate() {
            let (h, shift) = (half(k), 16 * k as u8);
            match (n, inverted) {
                (0, true) => self.movn(d, !h, shift),
                (0, false) => self.movz(d, h, shift),
                _ => self.movk(d, h, shift),
            }
        }
    }

    /// `movz wd, #lo; movk wd, #hi, lsl #16` (the movk only when hi != 0):
    /// a 32-bit constant, zero-extended.
    pub fn mov_imm32(&mut self, d: X, imm: u32) {
        let (lo, hi) = (imm & 0xffff, imm >> 16);
        dynasm!(self.ops ; .arch aarch64 ; movz W(d.0), lo);
        if hi != 0 {
            dynasm!(self.ops ; .arch aarch64 ; movk W(d.0), hi, lsl 16);
        }
    }

    /// `mov xd, xn` (orr xd, xzr, xn)
    pub fn mov_rr(&mut self, d: X, s: X) {
        dynasm!(self.ops ; .arch aarch64 ; mov X(d.0), X(s.0));
    }

    /// `mov xd, sp` (add xd, sp, #0)
    pub fn mov_from_sp(&mut self, d: X) {
        dynasm!(self.ops ; .arch aarch64 ; mov XSP(d.0), sp);
    }

    // --- loads and stores

    /// `ldr xd, [xb, #off]`, or through x16 when the offset does not fit.
    pub fn ldr(&mut self, d: X, b: X, off: i64) {
        if let Some(o) = scaled_u12(off) {
            dynasm!(self.ops ; .arch aarch64 ; ldr X(d.0), [X(b.0), o]);
        } else {
            debug_assert!(b != IP0, "x16 is the offset scratch");
            self.mov_imm(IP0, off as u64);
            dynasm!(self.ops ; .arch aarch64 ; ldr X(d.0), [X(b.0), X(IP0.0)]);
        }
    }

    /// `str xs, [xb, #off]`, or through x16 when the offset does not fit.
    pub fn str(&mut self, s: X, b: X, off: i64) {
        if let Some(o) = scaled_u12(off) {
            dynasm!(self.ops ; .arch aarch64 ; str X(s.0), [X(b.0), o]);
        } else {
            debug_assert!(b != IP0 && s != IP0, "x16 is the offset scratch");
            self.mov_imm(IP0, off as u64);
            dynasm!(self.ops ; .arch aarch64 ; str X(s.0), [X(b.0), X(IP0.0)]);
        }
    }

    /// `ldr dd, [xb, #off]`, or through x16.
    pub fn ldr_d(&mut self, d: D, b: X, off: i64) {
        if let Some(o) = scaled_u12(off) {
            dynasm!(self.ops ; .arch aarch64 ; ldr D(d.0), [X(b.0), o]);
        } else {
            debug_assert!(b != IP0, "x16 is the offset scratch");
            self.mov_imm(IP0, off as u64);
            dynasm!(self.ops ; .arch aarch64 ; ldr D(d.0), [X(b.0), X(IP0.0)]);
        }
    }

    /// `str ds, [xb, #off]`, or through x16.
    pub fn str_d(&mut self, s: D, b: X, off: i64) {
        if let Some(o) = scaled_u12(off) {
            dynasm!(self.ops ; .arch aarch64 ; str D(s.0), [X(b.0), o]);
        } else {
            debug_assert!(b != IP0, "x16 is the offset scratch");
            self.mov_imm(IP0, off as u64);
            dynasm!(self.ops ; .arch aarch64 ; str D(s.0), [X(b.0), X(IP0.0)]);
        }
    }

    /// `stp xa, xb, [sp, #off]!` (pre-index; the frame's first store).
    /// Returns false when the offset does not fit (the lowering's fixed frame does).
    pub fn stp_pre_sp(&mut self, a: X, b: X, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; stp X(a.0), X(b.0), [sp, off]!);
        true
    }

    /// `ldp xa, xb, [sp], #off` (post-index; the frame's last load).
    pub fn ldp_post_sp(&mut self, a: X, b: X, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; ldp X(a.0), X(b.0), [sp], off);
        true
    }

    /// `stp xa, xb, [sp, #off]`
    pub fn stp_sp(&mut self, a: X, b: X, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; stp X(a.0), X(b.0), [sp, off]);
        true
    }

    /// `ldp xa, xb, [sp, #off]`
    pub fn ldp_sp(&mut self, a: X, b: X, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; ldp X(a.0), X(b.0), [sp, off]);
        true
    }

    /// `stp da, db, [sp, #off]`
    pub fn stp_d_sp(&mut self, a: D, b: D, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; stp D(a.0), D(b.0), [sp, off]);
        true
    }

    /// `ldp da, db, [sp, #off]`
    pub fn ldp_d_sp(&mut self, a: D, b: D, off: i32) -> bool {
        if !scaled_s7(off) {
            return false;
        }
        dynasm!(self.ops ; .arch aarch64 ; ldp D(a.0), D(b.0), [sp, off]);
        true
    }

    // --- integer arithmetic

    alu3! {
        add => add;
        sub => sub;
        adds => adds;
        subs => subs;
        and => and;
        orr => orr;
        eor => eor;
        mul => mul;
        smulh => smulh;
        umulh => umulh;
        sdiv => sdiv;
    }

    /// `add xd, xn, xm, lsl #3` (the address of element xm of an array of words at xn)
    pub fn add_lsl3(&mut self, d: X, n: X, m: X) {
        dynasm!(self.ops ; .arch aarch64 ; add X(d.0), X(n.0), X(m.0), LSL 3);
    }

    /// `msub xd, xn, xm, xa` (xd = xa - xn * xm)
    pub fn msub(&mut self, d: X, n: X, m: X, a: X) {
        dynasm!(self.ops ; .arch aarch64 ; msub X(d.0), X(n.0), X(m.0), X(a.0));
    }

    /// `negs xd, xm` (sets V on i64::MIN)
    pub fn negs(&mut self, d: X, m: X) {
        dynasm!(self.ops ; .arch aarch64 ; negs X(d.0), X(m.0));
    }

    /// `add xd, xn, #imm` for 0..4096, else through x17.
    pub fn add_imm(&mut self, d: X, n: X, imm: u64) {
        if imm < 4096 {
            let i = imm as u32;
            dynasm!(self.ops ; .arch aarch64 ; add XSP(d.0), XSP(n.0), i);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.add(d, n, IP1);
        }
    }

    /// `sub xd, xn, #imm` for 0..4096, else through x17.
    pub fn sub_imm(&mut self, d: X, n: X, imm: u64) {
        if imm < 4096 {
            let i = imm as u32;
            dynasm!(self.ops ; .arch aarch64 ; sub XSP(d.0), XSP(n.0), i);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.sub(d, n, IP1);
        }
    }

    /// `subs xd, xn, #imm` for 0..4096, else through x17 (sets the flags either way).
    pub fn subs_imm(&mut self, d: X, n: X, imm: u64) {
        if imm < 4096 {
            let i = imm as u32;
            dynasm!(self.ops ; .arch aarch64 ; subs X(d.0), XSP(n.0), i);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.subs(d, n, IP1);
        }
    }

    /// `cmp xn, xm`
    pub fn cmp(&mut self, n: X, m: X) {
        dynasm!(self.ops ; .arch aarch64 ; cmp X(n.0), X(m.0));
    }

    /// `cmp xn, xm, asr #63` (with smulh: the high half must be the sign of the low)
    pub fn cmp_asr63(&mut self, n: X, m: X) {
        dynasm!(self.ops ; .arch aarch64 ; cmp X(n.0), X(m.0), asr 63);
    }

    /// Compares with a constant: `cmp xn, #imm` for 0..4096, `cmn xn, #-imm` for
    /// -4095..0, else the constant goes to x17 first.
    pub fn cmp_imm(&mut self, n: X, imm: i64) {
        if (0..4096).contains(&imm) {
            let i = imm as u32;
            dynasm!(self.ops ; .arch aarch64 ; cmp XSP(n.0), i);
        } else if (-4095..0).contains(&imm) {
            let i = (-imm) as u32;
            dynasm!(self.ops ; .arch aarch64 ; cmn XSP(n.0), i);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm as u64);
            self.cmp(n, IP1);
        }
    }

    /// `and xd, xn, #imm` when imm is a logical immediate, else through x17.
    pub fn and_imm(&mut self, d: X, n: X, imm: u64) {
        if encode_logical_immediate_64bit(imm).is_some() {
            dynasm!(self.ops ; .arch aarch64 ; and XSP(d.0), X(n.0), imm);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.and(d, n, IP1);
        }
    }

    /// `orr xd, xn, #imm` when imm is a logical immediate, else through x17.
    pub fn orr_imm(&mut self, d: X, n: X, imm: u64) {
        if encode_logical_immediate_64bit(imm).is_some() {
            dynasm!(self.ops ; .arch aarch64 ; orr XSP(d.0), X(n.0), imm);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.orr(d, n, IP1);
        }
    }

    /// `eor xd, xn, #imm` when imm is a logical immediate, else through x17.
    pub fn eor_imm(&mut self, d: X, n: X, imm: u64) {
        if encode_logical_immediate_64bit(imm).is_some() {
            dynasm!(self.ops ; .arch aarch64 ; eor XSP(d.0), X(n.0), imm);
        } else {
            debug_assert!(n != IP1);
            self.mov_imm(IP1, imm);
            self.eor(d, n, IP1);
        }
    }

    /// `lsr xd, xn, #s` (s modulo 64)
    pub fn lsr_imm(&mut self, d: X, n: X, s: u8) {
        let s = (s & 63) as u32;
        dynasm!(self.ops ; .arch aarch64 ; lsr X(d.0), X(n.0), s);
    }

    /// `asr xd, xn, #s` (s modulo 64)
    pub fn asr_imm(&mut self, d: X, n: X, s: u8) {
        let s = (s & 63) as u32;
        dynasm!(self.ops ; .arch aarch64 ; asr X(d.0), X(n.0), s);
    }

    /// `sbfx xd, xn, #0, #width`: sign-extends the low `width` bits (1..=64;
    /// other widths are clamped).
    pub fn sbfx0(&mut self, d: X, n: X, width: u8) {
        let w = width.clamp(1, 64) as u32;
        dynasm!(self.ops ; .arch aarch64 ; sbfx X(d.0), X(n.0), 0, w);
    }

    /// `cset xd, cond`
    pub fn cset(&mut self, d: X, c: Cond) {
        match c {
            Cond::Eq => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), eq),
            Cond::Ne => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), ne),
            Cond::Hs => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), hs),
            Cond::Lo => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), lo),
            Cond::Mi => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), mi),
            Cond::Pl => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), pl),
            Cond::Vs => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), vs),
            Cond::Vc => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), vc),
            Cond::Hi => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), hi),
            Cond::Ls => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), ls),
            Cond::Ge => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), ge),
            Cond::Lt => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), lt),
            Cond::Gt => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), gt),
            Cond::Le => dynasm!(self.ops ; .arch aarch64 ; cset X(d.0), le),
        }
    }

    // --- control

    /// `b.cond label` (±1 MiB, checked when labels are resolved)
    pub fn b_cond(&mut self, c: Cond, l: Label) {
        match c {
            Cond::Eq => dynasm!(self.ops ; .arch aarch64 ; b.eq =>l),
            Cond::Ne => dynasm!(self.ops ; .arch aarch64 ; b.ne =>l),
            Cond::Hs => dynasm!(self.ops ; .arch aarch64 ; b.hs =>l),
            Cond::Lo => dynasm!(self.ops ; .arch aarch64 ; b.lo =>l),
            Cond::Mi => dynasm!(self.ops ; .arch aarch64 ; b.mi =>l),
            Cond::Pl => dynasm!(self.ops ; .arch aarch64 ; b.pl =>l),
            Cond::Vs => dynasm!(self.ops ; .arch aarch64 ; b.vs =>l),
            Cond::Vc => dynasm!(self.ops ; .arch aarch64 ; b.vc =>l),
            Cond::Hi => dynasm!(self.ops ; .arch aarch64 ; b.hi =>l),
            Cond::Ls => dynasm!(self.ops ; .arch aarch64 ; b.ls =>l),
            Cond::Ge => dynasm!(self.ops ; .arch aarch64 ; b.ge =>l),
            Cond::Lt => dynasm!(self.ops ; .arch aarch64 ; b.lt =>l),
            Cond::Gt => dynasm!(self.ops ; .arch aarch64 ; b.gt =>l),
            Cond::Le => dynasm!(self.ops ; .arch aarch64 ; b.le =>l),
        }
    }

    /// `b label` (±128 MiB)
    pub fn b(&mut self, l: Label) {
        dynasm!(self.ops ; .arch aarch64 ; b =>l);
    }

    /// `cbz xn, label`
    pub fn cbz(&mut self, n: X, l: Label) {
        dynasm!(self.ops ; .arch aarch64 ; cbz X(n.0), =>l);
    }

    /// `cbnz xn, label`
    pub fn cbnz(&mut self, n: X, l: Label) {
        dynasm!(self.ops ; .arch aarch64 ; cbnz X(n.0), =>l);
    }

    /// `tbz xn, #bit, label` (bit modulo 64)
    pub fn tbz(&mut self, n: X, bit: u8, l: Label) {
        let b = (bit & 63) as u32;
        dynasm!(self.ops ; .arch aarch64 ; tbz X(n.0), b, =>l);
    }

    /// `b target` to an absolute address (another trace's code in the arena);
    /// false when it is out of range (the caller then uses `br` through x16).
    pub fn b_abs(&mut self, target: usize) -> bool {
        match b_imm26(self.base + self.len(), target) {
            Some(w) => {
                self.word(w);
                true
            }
            None => false,
        }
    }

    /// `br xn`
    pub fn br(&mut self, n: X) {
        dynasm!(self.ops ; .arch aarch64 ; br X(n.0));
    }

    /// `blr xn`
    pub fn blr(&mut self, n: X) {
        dynasm!(self.ops ; .arch aarch64 ; blr X(n.0));
    }

    pub fn ret(&mut self) {
        dynasm!(self.ops ; .arch aarch64 ; ret);
    }

    // --- doubles

    /// `fmov dd, xn`
    pub fn fmov_dx(&mut self, d: D, n: X) {
        dynasm!(self.ops ; .arch aarch64 ; fmov D(d.0), X(n.0));
    }

    /// `fmov xd, dn`
    pub fn fmov_xd(&mut self, d: X, n: D) {
        dynasm!(self.ops ; .arch aarch64 ; fmov X(d.0), D(n.0));
    }

    /// `fmov dd, dn`
    pub fn fmov_dd(&mut self, d: D, n: D) {
        dynasm!(self.ops ; .arch aarch64 ; fmov D(d.0), D(n.0));
    }

    fp3! {
        fadd => fadd;
        fsub => fsub;
        fmul => fmul;
        fdiv => fdiv;
    }

    /// `fsqrt dd, dn`
    pub fn fsqrt(&mut self, d: D, n: D) {
        dynasm!(self.ops ; .arch aarch64 ; fsqrt D(d.0), D(n.0));
    }

    /// `fneg dd, dn`
    pub fn fneg(&mut self, d: D, n: D) {
        dynasm!(self.ops ; .arch aarch64 ; fneg D(d.0), D(n.0));
    }

    /// `fcmp dn, dm` (unordered: N=0 Z=0 C=1 V=1)
    pub fn fcmp(&mut self, n: D, m: D) {
        dynasm!(self.ops ; .arch aarch64 ; fcmp D(n.0), D(m.0));
    }

    /// `fcmp dn, #0.0`
    pub fn fcmp_zero(&mut self, n: D) {
        dynasm!(self.ops ; .arch aarch64 ; fcmp D(n.0), 0.0);
    }

    /// `scvtf dd, xn`
    pub fn scvtf(&mut self, d: D, n: X) {
        dynasm!(self.ops ; .arch aarch64 ; scvtf D(d.0), X(n.0));
    }
}
