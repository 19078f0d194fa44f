//! Disassembly of installed trace code for `--trace-log`: x86-64 with iced-x86
//! (Intel syntax), AArch64 with yaxpeax-arm (both pure Rust).

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// One line per instruction: `address  bytes  instruction`, for the code of the
/// backend named `arch` (`Backend::arch`: "x86_64" or "aarch64").
pub fn disassemble(arch: &str, code: &[u8], addr: u64) -> String {
    match arch {
        "aarch64" => disassemble_a64(code, addr),
        _ => disassemble_x64(code, addr),
    }
}

/// AArch64: one 4-byte word per line, printed as the word (`.word` when it does
/// not decode).
fn disassemble_a64(code: &[u8], addr: u64) -> String {
    use yaxpeax_arch::{Decoder as _, U8Reader};
    use yaxpeax_arm::armv8::a64::InstDecoder;
    let decoder = InstDecoder::default();
    let mut out = String::new();
    for (k, w) in code.chunks(4).enumerate() {
        let at = addr + 4 * k as u64;
        let bytes: String = w.iter().map(|b| format!("{b:02x}")).collect();
        let text = if w.len() == 4 {
            match decoder.decode(&mut U8Reader::new(w)) {
                Ok(ins) => ins.to_string(),
                Err(_) => format!(
                    ".word {:#010x}",
                    u32::from_le_bytes([w[0], w[1], w[2], w[3]])
                ),
            }
        } else {
            ".byte".to_string()
        };
        out += &format!("{at:016x}  {bytes:<24} {text}\n");
    }
    out
}

fn disassemble_x64(code: &[u8], addr: u64) -> String {
    let mut decoder = Decoder::with_ip(64, code, addr, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    fmt.options_mut().set_first_operand_char_index(8);
    let mut out = String::new();
    let mut text = String::new();
    let mut ins = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut ins);
        text.clear();
        fmt.format(&ins, &mut text);
        let start = (ins.ip() - addr) as usize;
        let bytes: String = code[start..start + ins.len()]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        out += &format!("{:016x}  {:<24} {}\n", ins.ip(), bytes, text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_have_address_bytes_and_text() {
        // push rbx; mov rax, [rbx+8]; ret
        let code = [0x53, 0x48, 0x8b, 0x43, 0x08, 0xc3];
        let text = disassemble("x86_64", &code, 0x1000);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("0000000000001000  53 "), "{text}");
        assert!(
            lines[1].contains("488b4308")
                && lines[1].contains("mov")
                && lines[1].contains("[rbx+8]"),
            "{text}"
        );
        assert!(
            lines[2].starts_with("0000000000001005") && lines[2].ends_with("ret"),
            "{text}"
        );
    }

    #[test]
    fn aarch64_lines_have_address_bytes_and_text() {
        // stp x29, x30, [sp, #-160]!; ldr x0, [x20, #8]; ret
        let code = [
            0xfd, 0x7b, 0xb6, 0xa9, 0x80, 0x06, 0x40, 0xf9, 0xc0, 0x03, 0x5f, 0xd6,
        ];
        let text = disassemble("aarch64", &code, 0x1000);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].starts_with("0000000000001000  fd7bb6a9 "),
            "{text}"
        );
        assert!(
            lines[0].contains("stp") && lines[0].contains("x29"),
            "{text}"
        );
        assert!(
            lines[1].contains("ldr") && lines[1].contains("x20"),
            "{text}"
        );
        assert!(
            lines[2].starts_with("0000000000001008") && lines[2].ends_with("ret"),
            "{text}"
        );
    }
}
