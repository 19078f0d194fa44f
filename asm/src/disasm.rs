//! Disassembly of installed trace code for `--trace-log` (iced-x86, Intel syntax).

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// One line per instruction: `address  bytes  instruction`.
pub fn disassemble(code: &[u8], addr: u64) -> String {
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
        let text = disassemble(&code, 0x1000);
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
}
