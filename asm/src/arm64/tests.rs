//! Byte-exact encoder tests: one line per instruction form the lowering uses
//! (and per fallback sequence taken when an immediate does not fit its field).
//!
//! The expected bytes are `llvm-mc --triple=aarch64 --show-encoding` of the
//! assembly text on each line (generated from it, not from the emitter), and
//! `encodings_match_llvm_mc` re-assembles every line with llvm-mc where it is
//! installed. Branch targets are written llvm-mc style, relative to the branch;
//! the emitter's base is 0x1000_0000.

use super::emit::{Cond::*, D, Emitter, X};

fn enc(f: impl FnOnce(&mut Emitter)) -> String {
    let mut e = Emitter::new(0x1000_0000);
    f(&mut e);
    let bytes = e.finish().unwrap();
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// (what the emitter produced, expected bytes, assembly, the emitter call)
type Case = (String, &'static str, &'static str, &'static str);

macro_rules! cases {
    ($($e:ident => $body:expr => $hex:literal, $asm:literal;)*) => {
        vec![$( (enc(|$e| { $body; }), $hex, $asm, stringify!($body)) ),*]
    };
}

fn cases() -> Vec<Case> {
    cases! {
        e => e.movz(X(0), 0x1234, 0) => "80 46 82 d2", "movz x0, #0x1234";
        e => e.movz(X(17), 0xfff9, 48) => "31 ff ff d2", "movz x17, #0xfff9, lsl #48";
        e => e.movk(X(0), 0xfff9, 48) => "20 ff ff f2", "movk x0, #0xfff9, lsl #48";
        e => e.movk(X(3), 0xbeef, 16) => "e3 dd b7 f2", "movk x3, #0xbeef, lsl #16";
        e => e.movn(X(1), 0, 0) => "01 00 80 92", "movn x1, #0";
        e => e.movn(X(2), 0x1234, 32) => "82 46 c2 92", "movn x2, #0x1234, lsl #32";
        e => e.mov_imm(X(0), 0x1122334455667788) => "00 f1 8e d2 c0 ac aa f2 80 68 c6 f2 40 24 e2 f2", "movz x0, #0x7788; movk x0, #0x5566, lsl #16; movk x0, #0x3344, lsl #32; movk x0, #0x1122, lsl #48";
        e => e.mov_imm(X(0), 0) => "00 00 80 d2", "movz x0, #0";
        e => e.mov_imm(X(1), u64::MAX) => "01 00 80 92", "movn x1, #0";
        e => e.mov_imm(X(1), -2i64 as u64) => "21 00 80 92", "movn x1, #1";
        e => e.mov_imm(X(17), 0xfff9_0000_0000_0000) => "31 ff ff d2", "movz x17, #0xfff9, lsl #48";
        e => e.mov_imm(X(0), 0xffff_0000_1234_ffff) => "60 b9 bd 92 00 00 c0 f2", "movn x0, #0xedcb, lsl #16; movk x0, #0, lsl #32";
        e => e.mov_imm32(X(0), 7) => "e0 00 80 52", "movz w0, #7";
        e => e.mov_imm32(X(0), 0x0003_0005) => "a0 00 80 52 60 00 a0 72", "movz w0, #5; movk w0, #3, lsl #16";
        e => e.mov_rr(X(19), X(0)) => "f3 03 00 aa", "mov x19, x0";
        e => e.mov_from_sp(X(29)) => "fd 03 00 91", "mov x29, sp";
        e => e.ldr(X(0), X(20), 8) => "80 06 40 f9", "ldr x0, [x20, #8]";
        e => e.ldr(X(9), X(19), 32760) => "69 fe 7f f9", "ldr x9, [x19, #32760]";
        e => e.ldr(X(0), X(20), 32768) => "10 00 90 d2 80 6a 70 f8", "movz x16, #0x8000; ldr x0, [x20, x16]";
        e => e.ldr(X(0), X(19), 12) => "90 01 80 d2 60 6a 70 f8", "movz x16, #12; ldr x0, [x19, x16]";
        e => e.str(X(1), X(20), 16) => "81 0a 00 f9", "str x1, [x20, #16]";
        e => e.str(X(28), X(20), 0x1234_5678) => "10 cf 8a d2 90 46 a2 f2 9c 6a 30 f8", "movz x16, #0x5678; movk x16, #0x1234, lsl #16; str x28, [x20, x16]";
        e => e.ldr_d(D(0), X(20), 8) => "80 06 40 fd", "ldr d0, [x20, #8]";
        e => e.ldr_d(D(3), X(20), 40000) => "10 88 93 d2 83 6a 70 fc", "movz x16, #0x9c40; ldr d3, [x20, x16]";
        e => e.str_d(D(8), X(20), 24) => "88 0e 00 fd", "str d8, [x20, #24]";
        e => e.str_d(D(1), X(20), -8) => "f0 00 80 92 81 6a 30 fc", "movn x16, #7; str d1, [x20, x16]";
        e => assert!(e.stp_pre_sp(X(29), X(30), -160)) => "fd 7b b6 a9", "stp x29, x30, [sp, #-160]!";
        e => assert!(e.ldp_post_sp(X(29), X(30), 160)) => "fd 7b ca a8", "ldp x29, x30, [sp], #160";
        e => assert!(e.stp_sp(X(19), X(20), 16)) => "f3 53 01 a9", "stp x19, x20, [sp, #16]";
        e => assert!(e.ldp_sp(X(27), X(28), 80)) => "fb 73 45 a9", "ldp x27, x28, [sp, #80]";
        e => assert!(e.stp_d_sp(D(8), D(9), 96)) => "e8 27 06 6d", "stp d8, d9, [sp, #96]";
        e => assert!(e.ldp_d_sp(D(14), D(15), 144)) => "ee 3f 49 6d", "ldp d14, d15, [sp, #144]";
        e => e.add(X(0), X(0), X(1)) => "00 00 01 8b", "add x0, x0, x1";
        e => e.add_lsl3(X(0), X(0), X(1)) => "00 0c 01 8b", "add x0, x0, x1, lsl #3";
        e => e.sub(X(0), X(0), X(1)) => "00 00 01 cb", "sub x0, x0, x1";
        e => e.adds(X(0), X(0), X(1)) => "00 00 01 ab", "adds x0, x0, x1";
        e => e.subs(X(0), X(9), X(28)) => "20 01 1c eb", "subs x0, x9, x28";
        e => e.and(X(0), X(0), X(1)) => "00 00 01 8a", "and x0, x0, x1";
        e => e.orr(X(4), X(0), X(1)) => "04 00 01 aa", "orr x4, x0, x1";
        e => e.eor(X(17), X(3), X(1)) => "71 00 01 ca", "eor x17, x3, x1";
        e => e.mul(X(2), X(0), X(1)) => "02 7c 01 9b", "mul x2, x0, x1";
        e => e.smulh(X(3), X(0), X(1)) => "03 7c 41 9b", "smulh x3, x0, x1";
        e => e.umulh(X(2), X(0), X(1)) => "02 7c c1 9b", "umulh x2, x0, x1";
        e => e.sdiv(X(2), X(0), X(1)) => "02 0c c1 9a", "sdiv x2, x0, x1";
        e => e.msub(X(3), X(2), X(1), X(0)) => "43 80 01 9b", "msub x3, x2, x1, x0";
        e => e.negs(X(0), X(0)) => "e0 03 00 eb", "negs x0, x0";
        e => e.add_imm(X(17), X(17), 1) => "31 06 00 91", "add x17, x17, #1";
        e => e.add_imm(X(0), X(1), 5000) => "11 71 82 d2 20 00 11 8b", "movz x17, #0x1388; add x0, x1, x17";
        e => e.sub_imm(X(2), X(2), 1) => "42 04 00 d1", "sub x2, x2, #1";
        e => e.sub_imm(X(2), X(2), 4096) => "11 00 82 d2 42 00 11 cb", "movz x17, #0x1000; sub x2, x2, x17";
        e => e.subs_imm(X(17), X(17), 1) => "31 06 00 f1", "subs x17, x17, #1";
        e => e.subs_imm(X(0), X(0), 0x10000) => "31 00 a0 d2 00 00 11 eb", "movz x17, #1, lsl #16; subs x0, x0, x17";
        e => e.cmp(X(1), X(0)) => "3f 00 00 eb", "cmp x1, x0";
        e => e.cmp_asr63(X(3), X(2)) => "7f fc 82 eb", "cmp x3, x2, asr #63";
        e => e.cmp_imm(X(1), 5) => "3f 14 00 f1", "cmp x1, #5";
        e => e.cmp_imm(X(1), 4095) => "3f fc 3f f1", "cmp x1, #4095";
        e => e.cmp_imm(X(1), -7) => "3f 1c 00 b1", "cmn x1, #7";
        e => e.cmp_imm(X(1), 0x10000) => "31 00 a0 d2 3f 00 11 eb", "movz x17, #1, lsl #16; cmp x1, x17";
        e => e.cmp_imm(X(1), -4096) => "f1 ff 81 92 3f 00 11 eb", "movn x17, #0xfff; cmp x1, x17";
        e => e.and_imm(X(0), X(0), 1) => "00 00 40 92", "and x0, x0, #0x1";
        e => e.and_imm(X(0), X(0), 1 << 63) => "00 00 41 92", "and x0, x0, #0x8000000000000000";
        e => e.and_imm(X(0), X(1), 0x1234) => "91 46 82 d2 20 00 11 8a", "movz x17, #0x1234; and x0, x1, x17";
        e => e.orr_imm(X(0), X(0), 0x7ff8_0000_0000_0000) => "00 2c 4d b2", "orr x0, x0, #0x7ff8000000000000";
        e => e.orr_imm(X(0), X(0), 0x1234) => "91 46 82 d2 00 00 11 aa", "movz x17, #0x1234; orr x0, x0, x17";
        e => e.eor_imm(X(0), X(0), 1) => "00 00 40 d2", "eor x0, x0, #0x1";
        e => e.eor_imm(X(0), X(0), 0) => "11 00 80 d2 00 00 11 ca", "movz x17, #0; eor x0, x0, x17";
        e => e.asr_imm(X(1), X(0), 48) => "01 fc 70 93", "asr x1, x0, #48";
        e => e.lsr_imm(X(0), X(2), 17) => "40 fc 51 d3", "lsr x0, x2, #17";
        e => e.sbfx0(X(1), X(0), 48) => "01 bc 40 93", "sbfx x1, x0, #0, #48";
        e => e.cset(X(0), Lt) => "e0 a7 9f 9a", "cset x0, lt";
        e => e.cset(X(0), Mi) => "e0 57 9f 9a", "cset x0, mi";
        e => e.cset(X(0), Ls) => "e0 87 9f 9a", "cset x0, ls";
        e => e.cset(X(5), Ne) => "e5 07 9f 9a", "cset x5, ne";
        e => { let l = e.new_label(); e.b_cond(Ne, l); e.bind(l); } => "21 00 00 54", "b.ne #4";
        e => { let l = e.new_label(); e.bind(l); e.b_cond(Vs, l); } => "06 00 00 54", "b.vs #0";
        e => { let l = e.new_label(); e.b_cond(Hs, l); e.bind(l); } => "22 00 00 54", "b.hs #4";
        e => { let l = e.new_label(); e.b(l); e.bind(l); } => "01 00 00 14", "b #4";
        e => { let l = e.new_label(); e.bind(l); e.b(l); } => "00 00 00 14", "b #0";
        e => { let l = e.new_label(); e.cbz(X(0), l); e.bind(l); } => "20 00 00 b4", "cbz x0, #4";
        e => { let l = e.new_label(); e.cbnz(X(1), l); e.bind(l); } => "21 00 00 b5", "cbnz x1, #4";
        e => { let l = e.new_label(); e.tbz(X(17), 63, l); e.bind(l); } => "31 00 f8 b6", "tbz x17, #63, #4";
        e => assert!(e.b_abs(0x1000_0000)) => "00 00 00 14", "b #0";
        e => assert!(e.b_abs(0x1000_0000 + 0x7ff_fffc)) => "ff ff ff 15", "b #134217724";
        e => assert!(e.b_abs(0x1000_0000 - 0x800_0000)) => "00 00 00 16", "b #-134217728";
        e => e.br(X(16)) => "00 02 1f d6", "br x16";
        e => e.blr(X(16)) => "00 02 3f d6", "blr x16";
        e => e.ret() => "c0 03 5f d6", "ret";
        e => e.fmov_dx(D(0), X(0)) => "00 00 67 9e", "fmov d0, x0";
        e => e.fmov_xd(X(0), D(9)) => "20 01 66 9e", "fmov x0, d9";
        e => e.fmov_dd(D(8), D(0)) => "08 40 60 1e", "fmov d8, d0";
        e => e.fadd(D(0), D(0), D(1)) => "00 28 61 1e", "fadd d0, d0, d1";
        e => e.fsub(D(0), D(0), D(1)) => "00 38 61 1e", "fsub d0, d0, d1";
        e => e.fmul(D(0), D(0), D(1)) => "00 08 61 1e", "fmul d0, d0, d1";
        e => e.fdiv(D(0), D(0), D(31)) => "00 18 7f 1e", "fdiv d0, d0, d31";
        e => e.fneg(D(0), D(0)) => "00 40 61 1e", "fneg d0, d0";
        e => e.fsqrt(D(0), D(1)) => "20 c0 61 1e", "fsqrt d0, d1";
        e => e.fcmp(D(0), D(1)) => "00 20 61 1e", "fcmp d0, d1";
        e => e.fcmp_zero(D(1)) => "28 20 60 1e", "fcmp d1, #0.0";
        e => e.scvtf(D(0), X(0)) => "00 00 62 9e", "scvtf d0, x0";
    }
}

#[test]
fn encodings() {
    for (got, want, asm, call) in cases() {
        assert_eq!(got, want, "{call} ({asm})");
    }
}

#[test]
fn out_of_range_branches_are_refused() {
    let mut e = Emitter::new(0x1000_0000);
    assert!(!e.b_abs(0x1000_0000 + (1 << 27)), "past +128 MiB");
    assert!(!e.b_abs(0x1000_0000 - (1 << 27) - 4), "past -128 MiB");
    assert!(!e.b_abs(0x1000_0002), "unaligned");
    assert!(e.is_empty(), "nothing emitted for refused branches");
    assert!(!e.stp_sp(X(19), X(20), 512), "pair offset past 504");
    assert!(
        !e.stp_sp(X(19), X(20), 12),
        "pair offset not a multiple of 8"
    );
    assert!(e.is_empty());
    // a conditional branch past ±1 MiB is an assembler error, not a panic
    let mut e = Emitter::new(0x1000_0000);
    let l = e.new_label();
    e.b_cond(Eq, l);
    for _ in 0..(1 << 18) {
        e.ret();
    }
    e.bind(l);
    assert!(e.finish().is_err());
}

#[test]
fn link_jump_is_a_single_b() {
    use super::link_jump;
    assert_eq!(link_jump(0x1000, 0x1008), Some(vec![0x02, 0, 0, 0x14]));
    assert_eq!(
        link_jump(0x1000, 0x0ff8),
        Some(vec![0xfe, 0xff, 0xff, 0x17])
    );
    assert_eq!(link_jump(0x1000, 0x1000 + (1 << 27)), None);
}

/// Re-assembles every case's text with llvm-mc and compares the bytes (skipped
/// when llvm-mc is not installed).
#[test]
fn encodings_match_llvm_mc() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let cases = cases();
    let src: String = cases
        .iter()
        .map(|(_, _, asm, _)| asm.replace(';', "\n") + "\n")
        .collect();
    let child = Command::new("llvm-mc")
        .args(["--triple=aarch64", "--show-encoding"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("llvm-mc not installed: skipping the cross-check");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(src.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut encodings = text.lines().filter_map(|l| {
        let (_, enc) = l.split_once("encoding: [")?;
        let enc = enc.trim_end_matches(']');
        Some(
            enc.split(',')
                .map(|b| b.trim().trim_start_matches("0x").to_string())
                .collect::<Vec<_>>()
                .join(" "),
        )
    });
    for (got, _, asm, call) in &cases {
        let want: Vec<String> = asm
            .split(';')
            .map(|_| encodings.next().expect("one encoding per instruction"))
            .collect();
        assert_eq!(*got, want.join(" "), "{call} ({asm})");
    }
    assert!(encodings.next().is_none());
}
