//! The x86-64 emitter: one method per instruction form the lowering uses, over a
//! `dynasmrt::VecAssembler` that assembles for the code's final address.
//!
//! Registers are dynamic (`Rq(n)`), so dynasm encodes every memory operand with a
//! SIB byte and a 32-bit displacement, and every immediate has an explicit size:
//! the bytes of a form never depend on the operand values (the encoder tests pin
//! them down).

// dynasm's expansion converts dynamic register numbers with `.into()`
#![allow(clippy::useless_conversion)]

use dynasmrt::x64::X64Relocation;
use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler, dynasm};

/// General-purpose registers by hardware number.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Reg {
    Rax = 0,
    Rcx,
    Rdx,
    Rbx,
    Rsp,
    Rbp,
    Rsi,
    Rdi,
    R8,
    R9,
    R10,
    R11,
    R12,
    R13,
    R14,
    R15,
}

impl Reg {
    /// The hardware register number.
    pub fn n(self) -> u8 {
        self as u8
    }

    pub fn from_n(n: u8) -> Reg {
        use Reg::*;
        [
            Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15,
        ][n as usize & 15]
    }
}

/// An SSE register by number (xmm0..xmm15).
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub struct Xmm(pub u8);

/// Condition codes, numbered as in the `jcc`/`setcc` opcodes.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
#[repr(u8)]
pub enum Cond {
    O = 0,
    No,
    B,
    Ae,
    E,
    Ne,
    Be,
    A,
    S,
    Ns,
    P,
    Np,
    L,
    Ge,
    Le,
    G,
}

impl Cond {
    pub fn invert(self) -> Cond {
        // flipping the low bit of a condition code negates it
        Cond::from_u8(self as u8 ^ 1)
    }
    /// The condition that holds for `cmp b, a` when `self` holds for `cmp a, b`.
    pub fn mirror(self) -> Cond {
        use Cond::*;
        match self {
            L => G,
            G => L,
            Le => Ge,
            Ge => Le,
            B => A,
            A => B,
            Be => Ae,
            Ae => Be,
            c => c,
        }
    }

    fn from_u8(n: u8) -> Cond {
        use Cond::*;
        [O, No, B, Ae, E, Ne, Be, A, S, Ns, P, Np, L, Ge, Le, G][n as usize & 15]
    }
}

pub type Label = DynamicLabel;

pub struct Emitter {
    pub ops: VecAssembler<X64Relocation>,
    /// The address the first byte will live at.
    base: usize,
}

macro_rules! alu_rr {
    ($($name:ident => $mn:ident;)*) => {$(
        pub fn $name(&mut self, d: Reg, s: Reg) {
            dynasm!(self.ops ; .arch x64 ; $mn Rq(d.n()), Rq(s.n()));
        }
    )*};
}

macro_rules! alu_ri {
    ($($name:ident => $mn:ident;)*) => {$(
        /// `op r64, imm32` (sign-extended)
        pub fn $name(&mut self, d: Reg, imm: i32) {
            dynasm!(self.ops ; .arch x64 ; $mn Rq(d.n()), DWORD imm);
        }
    )*};
}

macro_rules! shift_ri {
    ($($name:ident => $mn:ident;)*) => {$(
        pub fn $name(&mut self, d: Reg, n: u8) {
            dynasm!(self.ops ; .arch x64 ; $mn Rq(d.n()), BYTE n as i8);
        }
    )*};
}

macro_rules! sse_rr {
    ($($name:ident => $mn:ident;)*) => {$(
        pub fn $name(&mut self, d: Xmm, s: Xmm) {
            dynasm!(self.ops ; .arch x64 ; $mn Rx(d.0), Rx(s.0));
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
        dynasm!(self.ops ; .arch x64 ; =>l);
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

    // --- moves

    pub fn mov_ri64(&mut self, d: Reg, imm: i64) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(d.n()), QWORD imm);
    }

    /// `mov r32, imm32` (zero-extends into the full register).
    pub fn mov_ri32(&mut self, d: Reg, imm: u32) {
        dynasm!(self.ops ; .arch x64 ; mov Rd(d.n()), DWORD imm as i32);
    }

    pub fn mov_rr(&mut self, d: Reg, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(d.n()), Rq(s.n()));
    }

    /// `mov r64, [base + disp32]`
    pub fn load(&mut self, d: Reg, base: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(d.n()), QWORD [Rq(base.n()) + disp]);
    }

    /// `mov [base + disp32], r64`
    pub fn store(&mut self, base: Reg, disp: i32, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(base.n()) + disp], Rq(s.n()));
    }

    /// `lea r64, [base + index*8]`
    pub fn lea_index8(&mut self, d: Reg, base: Reg, index: Reg) {
        dynasm!(self.ops ; .arch x64 ; lea Rq(d.n()), [Rq(base.n()) + Rq(index.n()) * 8]);
    }

    /// `mov r64, [base + index*8 + disp32]`
    pub fn load_index8(&mut self, d: Reg, base: Reg, index: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(d.n()), QWORD [Rq(base.n()) + Rq(index.n()) * 8 + disp]);
    }

    /// `mov [base + index*8 + disp32], r64`
    pub fn store_index8(&mut self, base: Reg, index: Reg, disp: i32, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(base.n()) + Rq(index.n()) * 8 + disp], Rq(s.n()));
    }

    // --- integer arithmetic

    alu_rr! {
        add_rr => add;
        sub_rr => sub;
        and_rr => and;
        or_rr => or;
        xor_rr => xor;
        cmp_rr => cmp;
        test_rr => test;
    }

    pub fn imul_rr(&mut self, d: Reg, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; imul Rq(d.n()), Rq(s.n()));
    }

    alu_ri! {
        add_ri => add;
        sub_ri => sub;
        and_ri => and;
        or_ri => or;
        xor_ri => xor;
        cmp_ri => cmp;
    }

    /// `cmp qword [base + disp32], imm32` (sign-extended)
    pub fn cmp_mi(&mut self, base: Reg, disp: i32, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; cmp QWORD [Rq(base.n()) + disp], DWORD imm);
    }

    /// `cmp r64, [base + disp32]`
    pub fn cmp_rm(&mut self, r: Reg, base: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; cmp Rq(r.n()), QWORD [Rq(base.n()) + disp]);
    }

    /// `imul r64, s, imm32` (sign-extended)
    pub fn imul_rri(&mut self, d: Reg, s: Reg, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; imul Rq(d.n()), Rq(s.n()), DWORD imm);
    }

    /// `mov r64, imm32` (sign-extended; 7 bytes against movabs's 10)
    pub fn mov_ri32s(&mut self, d: Reg, imm: i32) {
        dynasm!(self.ops ; .arch x64 ; mov Rq(d.n()), DWORD imm);
    }

    /// `dec qword [base + disp32]` (sets ZF when the result is zero)
    pub fn dec_m(&mut self, base: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; dec QWORD [Rq(base.n()) + disp]);
    }

    /// `inc qword [base + disp32]`
    pub fn inc_m(&mut self, base: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; inc QWORD [Rq(base.n()) + disp]);
    }

    pub fn neg_r(&mut self, d: Reg) {
        dynasm!(self.ops ; .arch x64 ; neg Rq(d.n()));
    }

    shift_ri! {
        shl_ri => shl;
        sar_ri => sar;
        shr_ri => shr;
    }

    /// Sign-extends rax into rdx:rax.
    pub fn cqo(&mut self) {
        dynasm!(self.ops ; .arch x64 ; cqo);
    }

    /// Unsigned rdx:rax = rax * r.
    pub fn mul_r(&mut self, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; mul Rq(s.n()));
    }

    /// Signed rdx:rax / r: quotient in rax, remainder in rdx.
    pub fn idiv_r(&mut self, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; idiv Rq(s.n()));
    }

    /// `setcc r8` (the low byte; REX is always emitted so 4..7 mean spl..dil).
    pub fn setcc(&mut self, c: Cond, d: Reg) {
        let r = d as u8;
        match c {
            Cond::O => dynasm!(self.ops ; .arch x64 ; seto Rb(r)),
            Cond::No => dynasm!(self.ops ; .arch x64 ; setno Rb(r)),
            Cond::B => dynasm!(self.ops ; .arch x64 ; setb Rb(r)),
            Cond::Ae => dynasm!(self.ops ; .arch x64 ; setae Rb(r)),
            Cond::E => dynasm!(self.ops ; .arch x64 ; sete Rb(r)),
            Cond::Ne => dynasm!(self.ops ; .arch x64 ; setne Rb(r)),
            Cond::Be => dynasm!(self.ops ; .arch x64 ; setbe Rb(r)),
            Cond::A => dynasm!(self.ops ; .arch x64 ; seta Rb(r)),
            Cond::S => dynasm!(self.ops ; .arch x64 ; sets Rb(r)),
            Cond::Ns => dynasm!(self.ops ; .arch x64 ; setns Rb(r)),
            Cond::P => dynasm!(self.ops ; .arch x64 ; setp Rb(r)),
            Cond::Np => dynasm!(self.ops ; .arch x64 ; setnp Rb(r)),
            Cond::L => dynasm!(self.ops ; .arch x64 ; setl Rb(r)),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; setge Rb(r)),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; setle Rb(r)),
            Cond::G => dynasm!(self.ops ; .arch x64 ; setg Rb(r)),
        }
    }

    /// `movzx r32, r8` (zero-extends into the full register).
    pub fn movzx_r8(&mut self, d: Reg, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; movzx Rd(d.n()), Rb(s.n()));
    }

    // --- control

    /// `jcc rel32` to a label.
    pub fn jcc(&mut self, c: Cond, l: Label) {
        match c {
            Cond::O => dynasm!(self.ops ; .arch x64 ; jo =>l),
            Cond::No => dynasm!(self.ops ; .arch x64 ; jno =>l),
            Cond::B => dynasm!(self.ops ; .arch x64 ; jb =>l),
            Cond::Ae => dynasm!(self.ops ; .arch x64 ; jae =>l),
            Cond::E => dynasm!(self.ops ; .arch x64 ; je =>l),
            Cond::Ne => dynasm!(self.ops ; .arch x64 ; jne =>l),
            Cond::Be => dynasm!(self.ops ; .arch x64 ; jbe =>l),
            Cond::A => dynasm!(self.ops ; .arch x64 ; ja =>l),
            Cond::S => dynasm!(self.ops ; .arch x64 ; js =>l),
            Cond::Ns => dynasm!(self.ops ; .arch x64 ; jns =>l),
            Cond::P => dynasm!(self.ops ; .arch x64 ; jp =>l),
            Cond::Np => dynasm!(self.ops ; .arch x64 ; jnp =>l),
            Cond::L => dynasm!(self.ops ; .arch x64 ; jl =>l),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; jge =>l),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; jle =>l),
            Cond::G => dynasm!(self.ops ; .arch x64 ; jg =>l),
        }
    }

    /// `jmp rel32` to a label.
    pub fn jmp(&mut self, l: Label) {
        dynasm!(self.ops ; .arch x64 ; jmp =>l);
    }

    /// `jmp rel32` to an absolute address (another trace's code in the arena);
    /// false when it is out of rel32 range.
    pub fn jmp_abs(&mut self, target: usize) -> bool {
        let next = (self.base + self.len() + 5) as i64;
        let Ok(rel) = i32::try_from(target as i64 - next) else {
            return false;
        };
        self.ops.push(0xE9);
        self.ops.push_i32(rel);
        true
    }

    pub fn call_r(&mut self, r: Reg) {
        dynasm!(self.ops ; .arch x64 ; call Rq(r.n()));
    }

    pub fn push(&mut self, r: Reg) {
        dynasm!(self.ops ; .arch x64 ; push Rq(r.n()));
    }

    pub fn pop(&mut self, r: Reg) {
        dynasm!(self.ops ; .arch x64 ; pop Rq(r.n()));
    }

    pub fn ret(&mut self) {
        dynasm!(self.ops ; .arch x64 ; ret);
    }

    // --- SSE2 doubles

    /// `movq xmm, r64`
    pub fn movq_xr(&mut self, d: Xmm, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; movq Rx(d.0), Rq(s.n()));
    }

    /// `movq r64, xmm`
    pub fn movq_rx(&mut self, d: Reg, s: Xmm) {
        dynasm!(self.ops ; .arch x64 ; movq Rq(d.n()), Rx(s.0));
    }

    /// `movapd xmm, xmm` (register copy of a double)
    pub fn movapd_rr(&mut self, d: Xmm, s: Xmm) {
        dynasm!(self.ops ; .arch x64 ; movapd Rx(d.0), Rx(s.0));
    }

    /// `movsd xmm, [base + disp32]`
    pub fn movsd_load(&mut self, d: Xmm, base: Reg, disp: i32) {
        dynasm!(self.ops ; .arch x64 ; movsd Rx(d.0), QWORD [Rq(base.n()) + disp]);
    }

    /// `movsd [base + disp32], xmm`
    pub fn movsd_store(&mut self, base: Reg, disp: i32, s: Xmm) {
        dynasm!(self.ops ; .arch x64 ; movsd QWORD [Rq(base.n()) + disp], Rx(s.0));
    }

    sse_rr! {
        addsd => addsd;
        subsd => subsd;
        mulsd => mulsd;
        divsd => divsd;
        sqrtsd => sqrtsd;
        ucomisd => ucomisd;
        xorpd => xorpd;
    }

    /// `cvtsi2sd xmm, r64`
    pub fn cvtsi2sd(&mut self, d: Xmm, s: Reg) {
        dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d.0), Rq(s.n()));
    }
}
