//! Byte-exact encoder tests: one line per instruction form the lowering uses.
//!
//! Expected bytes were checked by decoding them with `objdump -D -b binary -m
//! i386:x86-64 -M intel` (the comment on each line is its output) and against
//! `llvm-mc --show-encoding` for forms without memory operands. Memory operands
//! with a dynamic base always use a SIB byte and disp32 (dynasm cannot know the
//! register at compile time), which llvm-mc would encode shorter.

use super::emit::{Cond::*, Emitter, Reg::*, Xmm};

fn enc(f: impl FnOnce(&mut Emitter)) -> String {
    let mut e = Emitter::new(0x1000);
    f(&mut e);
    let bytes = e.finish().unwrap();
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

macro_rules! check {
    ($e:ident => $body:expr, $expected:literal) => {
        assert_eq!(enc(|$e| $body), $expected, "{}", stringify!($body));
    };
}

#[test]
fn encodings() {
    check!(e => e.mov_ri64(Rax, 0x1122334455667788), "48 b8 88 77 66 55 44 33 22 11"); // movabs rax,0x1122334455667788
    check!(e => e.mov_ri64(R11, -1), "49 bb ff ff ff ff ff ff ff ff"); // movabs r11,0xffffffffffffffff
    check!(e => e.mov_ri32(Rax, 7), "40 b8 07 00 00 00"); // rex mov eax,0x7
    check!(e => e.mov_ri32(R9, 0x12345678), "41 b9 78 56 34 12"); // mov r9d,0x12345678
    check!(e => e.mov_rr(Rcx, R14), "4c 89 f1"); // mov rcx,r14
    check!(e => e.load(Rax, Rbx, 8), "48 8b 84 23 08 00 00 00"); // mov rax,QWORD PTR [rbx+riz*1+0x8]
    check!(e => e.load(R10, R14, 0x100), "4d 8b 94 26 00 01 00 00"); // mov r10,QWORD PTR [r14+riz*1+0x100]
    check!(e => e.load(Rax, R12, 8), "49 8b 84 24 08 00 00 00"); // mov rax,QWORD PTR [r12+0x8]
    check!(e => e.load(Rax, R13, -8), "49 8b 84 25 f8 ff ff ff"); // mov rax,QWORD PTR [r13+riz*1-0x8]
    check!(e => e.load(Rax, Rsp, 16), "48 8b 84 24 10 00 00 00"); // mov rax,QWORD PTR [rsp+0x10]
    check!(e => e.load(Rdx, Rbp, 0), "48 8b 94 25 00 00 00 00"); // mov rdx,QWORD PTR [rbp+riz*1+0x0]
    check!(e => e.store(R14, 16, Rdx), "49 89 94 26 10 00 00 00"); // mov QWORD PTR [r14+riz*1+0x10],rdx
    check!(e => e.store(Rbx, -0x80, R9), "4c 89 8c 23 80 ff ff ff"); // mov QWORD PTR [rbx+riz*1-0x80],r9
    check!(e => e.lea_index8(Rax, Rbx, Rcx), "48 8d 44 cb 00"); // lea rax,[rbx+rcx*8+0x0]
    check!(e => e.lea_index8(R10, R13, Rbp), "4d 8d 54 ed 00"); // lea r10,[r13+rbp*8+0x0]
    check!(e => e.add_rr(Rax, Rcx), "48 01 c8"); // add rax,rcx
    check!(e => e.add_rr(R8, R15), "4d 01 f8"); // add r8,r15
    check!(e => e.sub_rr(Rax, Rcx), "48 29 c8"); // sub rax,rcx
    check!(e => e.and_rr(Rdx, R9), "4c 21 ca"); // and rdx,r9
    check!(e => e.or_rr(R10, Rax), "49 09 c2"); // or r10,rax
    check!(e => e.xor_rr(Rax, Rax), "48 31 c0"); // xor rax,rax
    check!(e => e.cmp_rr(Rax, Rcx), "48 3b c1"); // cmp rax,rcx
    check!(e => e.test_rr(Rcx, Rcx), "48 85 c9"); // test rcx,rcx
    check!(e => e.imul_rr(Rax, R9), "49 0f af c1"); // imul rax,r9
    check!(e => e.add_ri(Rsp, 8), "48 81 c4 08 00 00 00"); // add rsp,0x8
    check!(e => e.sub_ri(Rsp, 8), "48 81 ec 08 00 00 00"); // sub rsp,0x8
    check!(e => e.cmp_ri(Rax, -1), "48 81 f8 ff ff ff ff"); // cmp rax,0xffffffffffffffff
    check!(e => e.and_ri(Rax, 1), "48 81 e0 01 00 00 00"); // and rax, 1 (llvm-mc)
    check!(e => e.cmp_mi(R12, 0x20, 3), "49 81 bc 24 20 00 00 00 03 00 00 00"); // cmp qword ptr [r12 + 32], 3 (llvm-mc)
    check!(e => e.cmp_mi(R14, 0x50, -7), "49 81 bc 26 50 00 00 00 f9 ff ff ff"); // cmp qword ptr [r14 + riz + 80], -7 (llvm-mc)
    check!(e => e.cmp_rm(Rcx, Rax, 8), "48 3b 8c 20 08 00 00 00"); // cmp rcx, qword ptr [rax + riz + 8] (llvm-mc)
    check!(e => e.or_ri(R10, -2), "49 81 ca fe ff ff ff"); // or r10, -2 (llvm-mc)
    check!(e => e.xor_ri(Rsi, 0x100), "48 81 f6 00 01 00 00"); // xor rsi, 256 (llvm-mc)
    check!(e => e.add_ri(R9, 7), "49 81 c1 07 00 00 00"); // add r9, 7 (llvm-mc)
    check!(e => e.imul_rri(R11, Rdx, 31), "4c 69 da 1f 00 00 00"); // imul r11, rdx, 31 (llvm-mc)
    check!(e => e.mov_ri32s(Rcx, -5), "48 c7 c1 fb ff ff ff"); // mov rcx, -5 (llvm-mc)
    check!(e => e.load_index8(Rax, R12, Rcx, 0x20), "49 8b 84 cc 20 00 00 00"); // mov rax, qword ptr [r12 + 8*rcx + 32] (llvm-mc)
    check!(e => e.load_index8(R13, Rbp, R13, -8), "4e 8b ac ed f8 ff ff ff"); // mov r13, qword ptr [rbp + 8*r13 - 8] (llvm-mc)
    check!(e => e.store_index8(Rsi, R11, 8, Rdi), "4a 89 bc de 08 00 00 00"); // mov qword ptr [rsi + 8*r11 + 8], rdi (llvm-mc)
    check!(e => e.neg_r(Rcx), "48 f7 d9"); // neg rcx
    check!(e => e.dec_m(R14, 0x18), "49 ff 8c 26 18 00 00 00"); // dec QWORD PTR [r14+riz*1+0x18]
    check!(e => e.inc_m(R14, 0x18), "49 ff 84 26 18 00 00 00"); // inc QWORD PTR [r14+riz*1+0x18]
    check!(e => e.shl_ri(Rax, 16), "48 c1 e0 10"); // shl rax,0x10
    check!(e => e.sar_ri(Rax, 16), "48 c1 f8 10"); // sar rax,0x10
    check!(e => e.shr_ri(R8, 48), "49 c1 e8 30"); // shr r8,0x30
    check!(e => e.cqo(), "48 99"); // cqo
    check!(e => e.idiv_r(Rcx), "48 f7 f9"); // idiv rcx
    check!(e => e.mul_r(Rcx), "48 f7 e1"); // mul rcx
    check!(e => e.idiv_r(R10), "49 f7 fa"); // idiv r10
    check!(e => e.setcc(L, Rax), "40 0f 9c c0"); // rex setl al
    check!(e => e.setcc(E, Rsi), "40 0f 94 c6"); // sete sil
    check!(e => e.setcc(Ne, R9), "41 0f 95 c1"); // setne r9b
    check!(e => e.setcc(P, Rcx), "40 0f 9a c1"); // rex setp cl
    check!(e => e.movzx_r8(Rax, Rax), "40 0f b6 c0"); // rex movzx eax,al
    check!(e => e.movzx_r8(R10, Rsi), "44 0f b6 d6"); // movzx r10d,sil
    check!(e => { let l = e.new_label(); e.jcc(O, l); e.bind(l); }, "0f 80 00 00 00 00"); // jo 0x6
    check!(e => { let l = e.new_label(); e.bind(l); e.jcc(Ne, l); }, "0f 85 fa ff ff ff"); // jne 0x0
    check!(e => { let l = e.new_label(); e.jmp(l); e.bind(l); }, "e9 00 00 00 00"); // jmp 0x5
    check!(e => { let l = e.new_label(); e.bind(l); e.jmp(l); }, "e9 fb ff ff ff"); // jmp 0x0
    check!(e => assert!(e.jmp_abs(0x1000)), "e9 fb ff ff ff"); // jmp 0x1000 (the emitter's base)
    check!(e => assert!(e.jmp_abs(0x2005)), "e9 00 10 00 00"); // jmp 0x2005
    check!(e => e.call_r(Rax), "40 ff d0"); // rex call rax
    check!(e => e.call_r(R11), "41 ff d3"); // call r11
    check!(e => e.push(Rbx), "40 53"); // rex push rbx
    check!(e => e.push(R15), "41 57"); // push r15
    check!(e => e.pop(R14), "41 5e"); // pop r14
    check!(e => e.ret(), "c3"); // ret
    check!(e => e.movq_xr(Xmm(0), Rax), "66 48 0f 6e c0"); // movq xmm0,rax
    check!(e => e.movq_xr(Xmm(9), R10), "66 4d 0f 6e ca"); // movq xmm9,r10
    check!(e => e.movq_rx(Rax, Xmm(1)), "66 48 0f 7e c8"); // movq rax,xmm1
    check!(e => e.movapd_rr(Xmm(3), Xmm(12)), "66 41 0f 28 dc"); // movapd xmm3,xmm12
    check!(e => e.movsd_load(Xmm(0), R14, 8), "f2 41 0f 10 84 26 08 00 00 00"); // movsd xmm0,QWORD PTR [r14+riz*1+0x8]
    check!(e => e.movsd_store(Rbx, 16, Xmm(2)), "f2 40 0f 11 94 23 10 00 00 00"); // rex movsd QWORD PTR [rbx+riz*1+0x10],xmm2
    check!(e => e.addsd(Xmm(0), Xmm(1)), "f2 40 0f 58 c1"); // rex addsd xmm0,xmm1
    check!(e => e.addsd(Xmm(8), Xmm(15)), "f2 45 0f 58 c7"); // addsd xmm8,xmm15
    check!(e => e.subsd(Xmm(0), Xmm(1)), "f2 40 0f 5c c1"); // rex subsd xmm0,xmm1
    check!(e => e.mulsd(Xmm(0), Xmm(1)), "f2 40 0f 59 c1"); // rex mulsd xmm0,xmm1
    check!(e => e.divsd(Xmm(0), Xmm(1)), "f2 40 0f 5e c1"); // rex divsd xmm0,xmm1
    check!(e => e.sqrtsd(Xmm(3), Xmm(1)), "f2 40 0f 51 d9"); // rex sqrtsd xmm3,xmm1
    check!(e => e.ucomisd(Xmm(0), Xmm(1)), "66 40 0f 2e c1"); // rex ucomisd xmm0,xmm1
    check!(e => e.xorpd(Xmm(2), Xmm(2)), "66 40 0f 57 d2"); // rex xorpd xmm2,xmm2
    check!(e => e.cvtsi2sd(Xmm(0), Rax), "f2 48 0f 2a c0"); // cvtsi2sd xmm0,rax
    check!(e => e.cvtsi2sd(Xmm(3), R9), "f2 49 0f 2a d9"); // cvtsi2sd xmm3,r9
}
