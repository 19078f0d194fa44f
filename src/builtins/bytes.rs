//! Constructors and methods of the built-in `bytes` types, and the text codecs
//! (`str.encode`, `bytes.decode`).

use crate::builtins::signature::{Bound, Sig, to_c_int};
use crate::builtins::str::{
    AFFIX, EXPANDTABS, JOIN, JUSTIFY, PARTITION, REPLACE, RSPLIT, SPLIT, SPLITLINES, STRIP, ZFILL,
    search_sig,
};
use crate::object::{Mut, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

// ---- codecs -----------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
    UnicodeEscape,
    RawUnicodeEscape,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

fn lookup_codec(vm: &mut Vm, enc: &str) -> PyResult<Codec> {
    let n: String = enc
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        "utf-16" | "utf16" | "u16" => Codec::Utf16,
        "utf-16-le" | "utf-16le" => Codec::Utf16Le,
        "utf-16-be" | "utf-16be" => Codec::Utf16Be,
        "utf-32" | "utf32" | "u32" => Codec::Utf32,
        "utf-32-le" | "utf-32le" => Codec::Utf32Le,
        "utf-32-be" | "utf-32be" => Codec::Utf32Be,
        "unicode-escape" | "unicodeescape" => Codec::UnicodeEscape,
        "raw-unicode-escape" | "rawunicodeescape" => Codec::RawUnicodeEscape,
        _ => return Err(vm.error("LookupError", &format!("unknown encoding: {enc}"))),
    })
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `utf-8-sig`: UTF-8 with a byte order mark written first and skipped when
/// there on decoding.
fn is_utf8_sig(enc: &str) -> bool {
    matches!(
        enc.trim().to_ascii_lowercase().replace('_', "-").as_str(),
        "utf-8-sig" | "utf8-sig"
    )
}

/// `s.encode(encoding, errors)`
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if is_utf8_sig(encoding) {
        let mut out = vec![0xEF, 0xBB, 0xBF];
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    }
    let codec = lookup_codec(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Ascii => 128,
        Codec::Latin1 => 256,
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            return Ok(escape_encode(s, codec == Codec::RawUnicodeEscape));
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let be = codec == Codec::Utf16Be;
            if codec == Codec::Utf16 {
                out.extend_from_slice(&[0xFF, 0xFE]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let be = codec == Codec::Utf32Be;
            if codec == Codec::Utf32 {
                out.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j] as u32) >= limit {
            j += 1;
        }
        match errors {
            // no lone surrogates in Coil's str: surrogateescape has nothing to undo
            "strict" | "surrogateescape" => {
                let reason = format!("ordinal not in range({limit})");
                let obj = vm.new_str(s);
                return Err(unicode_error(
                    vm,
                    "UnicodeEncodeError",
                    codec.name(),
                    obj,
                    (i, j),
                    &reason,
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "xmlcharrefreplace" => {
                for c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            "backslashreplace" => {
                for c in &chars[i..j] {
                    out.extend_from_slice(char_escape(*c).as_bytes());
                }
            }
            _ => {
                return Err(vm.error(
                    "LookupError",
                    &format!("unknown error handler name '{errors}'"),
                ));
            }
        }
        i = j;
    }
    Ok(out)
}

fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> crate::vm::PyErr {
    let obj = vm.new_bytes(b.to_vec());
    unicode_error(
        vm,
        "UnicodeDecodeError",
        codec.name(),
        obj,
        (start, end),
        reason,
    )
}

/// A UnicodeEncodeError or UnicodeDecodeError made as CPython's codecs make
/// them: `cls(encoding, object, start, end, reason)`, with those attributes.
pub fn unicode_error(
    vm: &mut Vm,
    cls: &str,
    encoding: &str,
    object: Value,
    (start, end): (usize, usize),
    reason: &str,
) -> crate::vm::PyErr {
    let base = vm.temp_roots.len();
    vm.temp_roots.push(object);
    let args = [
        vm.new_str(encoding),
        object,
        Value::small_int(start as i64),
        Value::small_int(end as i64),
        vm.new_str(reason),
    ];
    vm.temp_roots.extend_from_slice(&args);
    let c = vm.exc_class(cls);
    let r = vm.call(c, &args);
    vm.temp_roots.truncate(base);
    match r {
        Ok(e) => crate::vm::PyErr(e),
        Err(e) => e,
    }
}

/// Applies a decode error handler to `b[start..end]`.
fn handle_decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    (start, end): (usize, usize),
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(vm, codec, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        // CPython decodes each byte to a lone surrogate U+DC80..U+DCFF; Coil's str
        // holds no lone surrogates (a `\udc80` literal is U+FFFD too), so each byte
        // becomes U+FFFD and does not round-trip through encode.
        "surrogateescape" => {
            out.extend(std::iter::repeat_n('\u{FFFD}', end - start));
            Ok(())
        }
        "backslashreplace" => {
            for x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        _ => Err(vm.error(
            "LookupError",
            &format!("unknown error handler name '{errors}'"),
        )),
    }
}

/// `b.decode(encoding, errors)`
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    if is_utf8_sig(encoding) {
        let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
        return decode(vm, b, "utf-8", errors);
    }
    let codec = lookup_codec(vm, encoding)?;
    let mut out = String::with_capacity(b.len());
    match codec {
        Codec::Utf8 => {
            let mut i = 0;
            loop {
                match std::str::from_utf8(&b[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[i..i + good]).unwrap());
                        let start = i + good;
                        let (len, reason) = match e.error_len() {
                            None => (b.len() - start, "unexpected end of data"),
                            Some(n) => {
                                let lead = b[start];
                                let r = if (0xC2..=0xF4).contains(&lead) {
                                    "invalid continuation byte"
                                } else {
                                    "invalid start byte"
                                };
                                (n, r)
                            }
                        };
                        handle_decode_error(
                            vm,
                            codec,
                            b,
                            (start, start + len),
                            reason,
                            errors,
                            &mut out,
                        )?;
                        i = start + len;
                        if i >= b.len() {
                            break;
                        }
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 128 {
                    out.push(x as char);
                } else {
                    handle_decode_error(
                        vm,
                        codec,
                        b,
                        (i, i + 1),
                        "ordinal not in range(128)",
                        errors,
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Latin1 => out.extend(b.iter().map(|&x| x as char)),
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            escape_decode(vm, codec, b, errors, &mut out)?;
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut be = codec == Codec::Utf16Be;
            let mut data = b;
            let mut off = 0;
            if codec == Codec::Utf16 && b.len() >= 2 {
                if b[0] == 0xFF && b[1] == 0xFE {
                    data = &b[2..];
                    off = 2;
                } else if b[0] == 0xFE && b[1] == 0xFF {
                    data = &b[2..];
                    off = 2;
                    be = true;
                }
            }
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|c| {
                    if be {
                        u16::from_be_bytes([c[0], c[1]])
                    } else {
                        u16::from_le_bytes([c[0], c[1]])
                    }
                })
                .collect();
            let mut pos = off;
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => {
                        out.push(c);
                        pos += c.len_utf16() * 2;
                    }
                    Err(_) => {
                        handle_decode_error(
                            vm,
                            codec,
                            b,
                            (pos, pos + 2),
                            "illegal encoding",
                            errors,
                            &mut out,
                        )?;
                        pos += 2;
                    }
                }
            }
            if data.len() % 2 == 1 {
                let st = b.len() - 1;
                handle_decode_error(
                    vm,
                    codec,
                    b,
                    (st, b.len()),
                    "truncated data",
                    errors,
                    &mut out,
                )?;
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let mut be = codec == Codec::Utf32Be;
            let mut off = 0;
            if codec == Codec::Utf32 && b.len() >= 4 {
                if b[..4] == [0xFF, 0xFE, 0, 0] {
                    off = 4;
                } else if b[..4] == [0, 0, 0xFE, 0xFF] {
                    off = 4;
                    be = true;
                }
            }
            let mut pos = off;
            while pos + 4 <= b.len() {
                let c = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
                let u = if be {
                    u32::from_be_bytes(c)
                } else {
                    u32::from_le_bytes(c)
                };
                match char::from_u32(u) {
                    Some(ch) => out.push(ch),
                    None => handle_decode_error(
                        vm,
                        codec,
                        b,
                        (pos, pos + 4),
                        "code point not in range(0x110000)",
                        errors,
                        &mut out,
                    )?,
                }
                pos += 4;
            }
            if pos < b.len() {
                handle_decode_error(
                    vm,
                    codec,
                    b,
                    (pos, b.len()),
                    "truncated data",
                    errors,
                    &mut out,
                )?;
            }
        }
    }
    Ok(out)
}

/// The `unicode_escape` and `raw_unicode_escape` encoders: the first writes
/// what a string literal would hold (`\\t`, `\\xhh`, ...), the raw one only
/// escapes characters past Latin-1.
fn escape_encode(s: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if raw {
            if n < 0x100 {
                out.push(n as u8);
            } else {
                out.extend_from_slice(char_escape(c).as_bytes());
            }
            continue;
        }
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(n as u8),
            _ => out.extend_from_slice(char_escape(c).as_bytes()),
        }
    }
    out
}

/// The `unicode_escape` and `raw_unicode_escape` decoders (CPython's
/// `_PyUnicode_DecodeUnicodeEscapeInternal` and `..._DecodeRawUnicodeEscape`):
/// bytes are Latin-1 except for the escapes. A `\\u` escape naming a surrogate
/// gives U+FFFD, as a `\\ud800` literal does in Coil (its str holds no lone
/// surrogates).
fn escape_decode(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    let raw = codec == Codec::RawUnicodeEscape;
    let hexval = |x: u8| (x as char).to_digit(16);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x != b'\\' {
            out.push(x as char);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // \\u escapes count only after an odd number of backslashes
            let mut j = i;
            while j < b.len() && b[j] == b'\\' {
                j += 1;
            }
            let n = j - i;
            let esc = n % 2 == 1 && j < b.len() && (b[j] == b'u' || b[j] == b'U');
            let keep = if esc { n - 1 } else { n };
            out.extend(std::iter::repeat_n('\\', keep));
            i += keep;
            if !esc {
                continue;
            }
        }
        i += 1;
        if i >= b.len() {
            if raw {
                out.push('\\');
                continue;
            }
            handle_decode_error(
                vm,
                codec,
                b,
                (start, b.len()),
                "\\ at end of string",
                errors,
                out,
            )?;
            break;
        }
        let c = b[i];
        i += 1;
        let digits = match c {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        if digits > 0 {
            let mut v: u32 = 0;
            let mut k = 0;
            while k < digits && i < b.len() {
                match hexval(b[i]) {
                    Some(d) => {
                        v = v * 16 + d;
                        i += 1;
                        k += 1;
                    }
                    None => break,
                }
            }
            if k < digits {
                let what = match digits {
                    2 => "truncated \\xXX escape",
                    4 => "truncated \\uXXXX escape",
                    _ => "truncated \\UXXXXXXXX escape",
                };
                handle_decode_error(vm, codec, b, (start, i), what, errors, out)?;
                continue;
            }
            if v > 0x10FFFF {
                let what = if raw {
                    "\\Uxxxxxxxx out of range"
                } else {
                    "illegal Unicode character"
                };
                handle_decode_error(vm, codec, b, (start, i), what, errors, out)?;
                continue;
            }
            out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            continue;
        }
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b't' => out.push('\t'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b'v' => out.push('\u{b}'),
            b'a' => out.push('\u{7}'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    if i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            b'N' => {
                return Err(vm.error(
                    "NotImplementedError",
                    "Coil does not support \\N{...} escapes in the unicode_escape codec yet",
                ));
            }
            _ => {
                out.push('\\');
                out.push(c as char);
            }
        }
    }
    Ok(())
}

// ---- helpers ----------------------------------------------------------------------

/// The contents of a bytes or bytearray (a copy).
pub fn data_of(v: Value) -> Option<Vec<u8>> {
    match &crate::builtins::str::payload(v).as_obj()?.data {
        ObjData::Bytes(b) => Some(b.to_vec()),
        ObjData::ByteArray(b) => Some(b.get().clone()),
        ObjData::Native(n) => n.as_any().downcast_ref::<MemView>().map(|m| m.data()),
        _ => None,
    }
}

// ---- memoryview (contiguous, one-dimensional views of bytes and bytearray) --------

/// A window `[start, start+len)` (in bytes) on a bytes or bytearray, seen as items
/// of the struct format `fmt` (`B` unless cast).
struct MemView {
    obj: Value,
    start: usize,
    len: usize,
    fmt: u8,
}

/// The size of one item of a memoryview format (native sizes, as `struct`'s `@`).
fn mv_itemsize(fmt: u8) -> Option<usize> {
    match fmt {
        b'B' | b'b' | b'c' | b'?' => Some(1),
        b'H' | b'h' | b'e' => Some(2),
        b'I' | b'i' | b'f' => Some(4),
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => Some(8),
        _ => None,
    }
}

/// The Python value of one item (`b` holds exactly its bytes, native order).
fn mv_item(vm: &mut Vm, fmt: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(w);
    match fmt {
        b'B' => Value::small_int(b[0] as i64),
        b'b' => Value::small_int(b[0] as i8 as i64),
        b'c' => vm.new_bytes(b.to_vec()),
        b'?' => Value::bool(b[0] != 0),
        b'H' => Value::small_int(u as u16 as i64),
        b'h' => Value::small_int(u as u16 as i16 as i64),
        b'I' => vm.new_int(u as u32 as i64),
        b'i' => vm.new_int(u as u32 as i32 as i64),
        b'f' => Value::float(f32::from_bits(u as u32) as f64),
        b'd' => Value::float(f64::from_bits(u)),
        b'e' => Value::float(half_to_f64(u as u16)),
        b'L' | b'Q' | b'N' | b'P' => vm.new_bigint(num_bigint::BigInt::from(u)),
        _ => vm.new_int(u as i64),
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

impl crate::object::NativeData for MemView {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.obj);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl MemView {
    fn data(&self) -> Vec<u8> {
        let all = match &self.obj.obj().data {
            ObjData::Bytes(b) => &b[..],
            ObjData::ByteArray(b) => &b.get()[..],
            _ => &[][..],
        };
        let s = self.start.min(all.len());
        let e = (self.start + self.len).min(all.len());
        all[s..e].to_vec()
    }
}

fn memview(v: Value) -> Option<&'static MemView> {
    match &v.as_obj()?.data {
        ObjData::Native(n) => n.as_any().downcast_ref::<MemView>(),
        _ => None,
    }
}

fn memview_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `memoryview(object)`
    const NEW: Sig<1> = Sig::new("memoryview", ["object"]).posonly(0).constructor();
    let b = NEW.bind(vm, &a)?;
    let cls = b.recv;
    let o = crate::builtins::str::payload(b.req(0));
    let mv = if let Some(m) = memview(o) {
        MemView {
            obj: m.obj,
            start: m.start,
            len: m.len,
            fmt: m.fmt,
        }
    } else {
        match &o.as_obj().map(|x| &x.data) {
            Some(ObjData::Bytes(b)) => MemView {
                obj: o,
                start: 0,
                len: b.len(),
                fmt: b'B',
            },
            Some(ObjData::ByteArray(b)) => MemView {
                obj: o,
                start: 0,
                len: b.get().len(),
                fmt: b'B',
            },
            _ => {
                return Err(vm.type_error(&format!(
                    "memoryview: a bytes-like object is required, not '{}'",
                    vm.type_name(o)
                )));
            }
        }
    };
    Ok(vm.alloc(cls, ObjData::Native(Box::new(mv))))
}

fn memview_this(vm: &mut Vm, a: &Args) -> PyResult<&'static MemView> {
    match a.pos.first().and_then(|v| memview(*v)) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn memview_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = memview_this(vm, &a)?;
    let b = ONE.bind(vm, &a)?;
    let idx = b.req(0);
    let d = m.data();
    let size = mv_itemsize(m.fmt).unwrap_or(1);
    let n = d.len() / size;
    if idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. }) {
        let s = vm.slice_indices(idx, n)?;
        let cls = vm.type_of(b.recv);
        let mv = if s.step == 1 {
            MemView {
                obj: m.obj,
                start: m.start + s.start as usize * size,
                len: s.len * size,
                fmt: m.fmt,
            }
        } else {
            let mut items: Vec<u8> = Vec::with_capacity(s.len * size);
            for k in 0..s.len {
                let i = (s.start + k as i64 * s.step) as usize * size;
                items.extend_from_slice(&d[i..i + size]);
            }
            let len = items.len();
            let b = vm.new_bytes(items);
            MemView {
                obj: b,
                start: 0,
                len,
                fmt: m.fmt,
            }
        };
        return Ok(vm.alloc(cls, ObjData::Native(Box::new(mv))));
    }
    let i = match vm.index_of(idx)? {
        Some(i) => i,
        None => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let j = j as usize * size;
    Ok(mv_item(vm, m.fmt, &d[j..j + size]))
}

/// `memoryview.cast(format)`: the same bytes seen as items of another format
/// (one of the two formats must be a byte format, as in CPython).
fn memview_cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = memview_this(vm, &a)?;
    /// `memoryview.cast(format, shape=<unrepresentable>)`
    const CAST: Sig<2> = Sig::new("cast", ["format", "shape"])
        .posonly(0)
        .required(1)
        .method();
    let b = CAST.bind(vm, &a)?;
    b.str(vm, 0)?;
    let f = b.req(0);
    let fs = str_of(f).strip_prefix('@').unwrap_or(str_of(f)).to_string();
    let fmt = match fs.as_bytes() {
        [c] if mv_itemsize(*c).is_some() => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    let size = mv_itemsize(fmt).unwrap_or(1);
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(m.fmt) && !byte_fmt(fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if m.len % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let cls = vm.type_of(b.recv);
    let mv = MemView {
        obj: m.obj,
        start: m.start,
        len: m.len,
        fmt,
    };
    Ok(vm.alloc(cls, ObjData::Native(Box::new(mv))))
}

fn register_memoryview(vm: &mut Vm) {
    let t = vm.new_native_type("memoryview", "builtins", vm.types.object);
    let b = vm.builtins;
    let k = vm.intern("memoryview");
    vm.dict_set_str(b, k, t);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", memview_new),
        ("__getitem__", memview_getitem),
        ("cast", memview_cast),
        ("__len__", |vm, a| {
            let m = memview_this(vm, &a)?;
            let size = mv_itemsize(m.fmt).unwrap_or(1);
            Ok(vm.new_int((m.data().len() / size) as i64))
        }),
        ("tobytes", |vm, a| {
            let m = memview_this(vm, &a)?;
            let d = m.data();
            Ok(vm.new_bytes(d))
        }),
        ("__bytes__", |vm, a| {
            let m = memview_this(vm, &a)?;
            let d = m.data();
            Ok(vm.new_bytes(d))
        }),
        ("tolist", |vm, a| {
            let m = memview_this(vm, &a)?;
            let size = mv_itemsize(m.fmt).unwrap_or(1);
            let items = m
                .data()
                .chunks_exact(size)
                .map(|c| mv_item(vm, m.fmt, c))
                .collect();
            Ok(vm.new_list(items))
        }),
        ("hex", hex),
        ("__iter__", |vm, a| {
            let m = memview_this(vm, &a)?;
            let b = vm.new_bytes(m.data());
            vm.iter(b)
        }),
        ("__eq__", |vm, a| {
            let m = memview_this(vm, &a)?;
            let other = ONE.bind(vm, &a)?.req(0);
            match data_of(other) {
                Some(o) => Ok(Value::bool(m.data() == o)),
                None => Ok(vm.not_implemented),
            }
        }),
        ("release", |_vm, _a| Ok(Value::NONE)),
        ("__enter__", |vm, a| {
            const ENTER: Sig<0> = Sig::new("__enter__", []).method();
            Ok(ENTER.bind(vm, &a)?.recv)
        }),
        ("__exit__", |_vm, _a| Ok(Value::NONE)),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    let props: &[(&'static str, crate::object::NativeFn)] = &[
        ("itemsize", |vm, a| {
            let m = memview_this(vm, &a)?;
            Ok(Value::small_int(mv_itemsize(m.fmt).unwrap_or(1) as i64))
        }),
        ("format", |vm, a| {
            let m = memview_this(vm, &a)?;
            Ok(vm.new_str(&(m.fmt as char).to_string()))
        }),
        ("nbytes", |vm, a| {
            let m = memview_this(vm, &a)?;
            Ok(vm.new_int(m.data().len() as i64))
        }),
        ("readonly", |vm, a| {
            let m = memview_this(vm, &a)?;
            Ok(Value::bool(!is_bytearray(m.obj)))
        }),
        ("obj", |vm, a| Ok(memview_this(vm, &a)?.obj)),
        ("ndim", |vm, a| {
            memview_this(vm, &a)?;
            Ok(Value::small_int(1))
        }),
        ("shape", |vm, a| {
            let m = memview_this(vm, &a)?;
            let n = m.data().len() / mv_itemsize(m.fmt).unwrap_or(1);
            let n = vm.new_int(n as i64);
            Ok(vm.new_tuple(vec![n]))
        }),
    ];
    for (name, f) in props {
        crate::builtins::numbers::add_property(vm, t, name, *f);
    }
}

fn is_bytearray(v: Value) -> bool {
    matches!(
        crate::builtins::str::payload(v).as_obj().map(|o| &o.data),
        Some(ObjData::ByteArray(_))
    )
}

pub fn new_bytearray(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.alloc(vm.types.bytearray, ObjData::ByteArray(Mut::new(b)))
}

/// A result of the receiver's kind: bytes for bytes, bytearray for bytearray.
fn like(vm: &mut Vm, recv: Value, b: Vec<u8>) -> Value {
    if is_bytearray(recv) {
        new_bytearray(vm, b)
    } else {
        vm.new_bytes(b)
    }
}

/// The receiver of a bytes/bytearray method.
fn this(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Vec<u8>)> {
    match a.pos.first() {
        Some(v) => match data_of(*v) {
            Some(d) => Ok((*v, d)),
            None => Err(vm.type_error(&format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                vm.type_name(*v)
            ))),
        },
        None => Err(vm.type_error(&format!("unbound method bytes.{name}() needs an argument"))),
    }
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match data_of(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// A sub argument that may be an int (one byte) or bytes-like.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data_of(v) {
        return Ok(d);
    }
    if vm.is_intlike(v) {
        return match vm.to_i64(v) {
            Some(x) if (0..256).contains(&x) => Ok(vec![x as u8]),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    Err(vm.type_error(&format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// An int meant as a byte; one too big for an index is as out of range as 256
/// (CPython's `_getbytevalue` clamps it).
fn byte_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match int_arg(vm, v) {
        Err(e) if vm.matches(e.0, "IndexError") => Ok(-1),
        r => r,
    }
}

/// A value stored into a bytearray: an int in range(256).
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = byte_int(vm, v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count_sub(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

fn is_bspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Iterable of ints (or bytes-like) to bytes, with the constructor's range message.
fn ints_to_bytes(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = data_of(v) {
        return Ok(d);
    }
    let items = vm.collect_iter(v)?;
    items_to_bytes(vm, items, msg)
}

/// Ints (or `__index__` objects, kept rooted while their methods run) to bytes.
fn items_to_bytes(vm: &mut Vm, items: Vec<Value>, msg: &str) -> PyResult<Vec<u8>> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend(items.iter().copied());
    let r = (|| {
        let mut out = Vec::with_capacity(items.len());
        for x in &items {
            let i = byte_int(vm, *x)?;
            if !(0..256).contains(&i) {
                return Err(vm.value_error(msg));
            }
            out.push(i as u8);
        }
        Ok(out)
    })();
    vm.temp_roots.truncate(mark);
    r
}

// ---- constructors -----------------------------------------------------------------

/// `bytes(source=b'', encoding=..., errors=...)`, and bytearray's
const CONSTRUCT: [Sig<3>; 2] = [
    Sig::new("bytes", ["source", "encoding", "errors"])
        .posonly(0)
        .required(0)
        .constructor(),
    Sig::new("bytearray", ["source", "encoding", "errors"])
        .posonly(0)
        .required(0)
        .constructor(),
];

fn construct(vm: &mut Vm, a: Args, ba: bool) -> PyResult<Vec<u8>> {
    let name = if ba { "bytearray" } else { "bytes" };
    let b = CONSTRUCT[ba as usize].bind(vm, &a)?;
    let (src, encoding, errors) = (b.get(0), b.get(1), b.get(2));
    // Argument Clinic converts `encoding` and `errors` (str) first
    for i in [1, 2] {
        if b.get(i).is_some() {
            b.str(vm, i)?;
        }
    }
    let Some(src) = src else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if vm.is_str(src) {
        let Some(e) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        if !vm.is_str(e) {
            return Err(vm.type_error(&format!(
                "{name}() argument 'encoding' must be str, not {}",
                vm.type_name(e)
            )));
        }
        let errs = match errors {
            Some(e) if vm.is_str(e) => str_of(e).to_string(),
            _ => "strict".into(),
        };
        return encode(vm, str_of(src), str_of(e), &errs);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(d) = data_of(src) {
        return Ok(d);
    }
    if vm.is_intlike(src) {
        let n = match vm.to_i64(src) {
            Some(n) => n,
            None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vm.check_alloc(n as u128, 1)?;
        return Ok(vec![0; n as usize]);
    }
    if !ba && let Some(r) = vm.call_dunder(src, "__bytes__", &[])? {
        return match data_of(r) {
            Some(d) => Ok(d),
            None => Err(vm.type_error(&format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(r)
            ))),
        };
    }
    if vm.dunder(src, "__iter__").is_none()
        && vm.dunder(src, "__getitem__").is_none()
        && !src.is_obj()
    {
        return Err(vm.type_error(&format!(
            "cannot convert '{}' object to {name}",
            vm.type_name(src)
        )));
    }
    if vm.dunder(src, "__index__").is_some() {
        let n = int_arg(vm, src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let items = match vm.iter(src) {
        Ok(_) => vm.collect_iter(src)?,
        Err(_) => {
            return Err(vm.type_error(&format!(
                "cannot convert '{}' object to {name}",
                vm.type_name(src)
            )));
        }
    };
    items_to_bytes(
        vm,
        items,
        if ba {
            "byte must be in range(0, 256)"
        } else {
            "bytes must be in range(0, 256)"
        },
    )
}

// For a subclass the core wraps these built-in values as the instance's payload.
fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = construct(vm, a, false)?;
    Ok(vm.new_bytes(d))
}

fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = construct(vm, a, true)?;
    Ok(new_bytearray(vm, d))
}

// ---- item assignment for bytearray (called from the core's setitem/delitem) -------

pub fn bytearray_setitem(vm: &mut Vm, obj: Value, idx: Value, v: Value) -> PyResult<()> {
    let ObjData::ByteArray(b) = &obj.obj().data else {
        return Ok(());
    };
    if idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. }) {
        let items = if vm.is_intlike(v) || v.is_none() || vm.is_str(v) {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            ints_to_bytes(vm, v, "byte must be in range(0, 256)")?
        };
        let n = b.get().len();
        let s = vm.slice_indices(idx, n)?;
        if s.step == 1 {
            let start = s.start as usize;
            let stop = s.stop.max(s.start) as usize;
            b.get().splice(start..stop, items);
            return Ok(());
        }
        if items.len() != s.len {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                items.len(),
                s.len
            )));
        }
        let vec = b.get();
        for (k, x) in items.into_iter().enumerate() {
            vec[(s.start + k as i64 * s.step) as usize] = x;
        }
        return Ok(());
    }
    let i = index_in(vm, idx, b.get().len())?;
    let x = byte_value(vm, v)?;
    b.get()[i] = x;
    Ok(())
}

fn index_in(vm: &mut Vm, idx: Value, len: usize) -> PyResult<usize> {
    let i = match vm.index_of(idx)? {
        Some(i) => i,
        None => {
            return Err(vm.type_error(&format!(
                "bytearray indices must be integers or slices, not {}",
                vm.type_name(idx)
            )));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("bytearray index out of range"));
    }
    Ok(j as usize)
}

pub fn bytearray_delitem(vm: &mut Vm, obj: Value, idx: Value) -> PyResult<()> {
    let ObjData::ByteArray(b) = &obj.obj().data else {
        return Ok(());
    };
    if idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. }) {
        let n = b.get().len();
        let s = vm.slice_indices(idx, n)?;
        let mut del = vec![false; n];
        for k in 0..s.len {
            del[(s.start + k as i64 * s.step) as usize] = true;
        }
        let v = b.get();
        let mut k = 0;
        v.retain(|_| {
            let keep = !del[k];
            k += 1;
            keep
        });
        return Ok(());
    }
    let i = index_in(vm, idx, b.get().len())?;
    b.get().remove(i);
    Ok(())
}

// ---- methods ----------------------------------------------------------------------

/// The window `[start:end]` of a search method's optional bounds (parameters 1
/// and 2 of str's search signatures, which bytes shares).
fn window(vm: &mut Vm, b: &Bound<3>, len: usize) -> PyResult<Option<(usize, usize)>> {
    let st = b.slice_bound(vm, 1)?;
    let en = b.slice_bound(vm, 2)?;
    if st.is_some_and(|s| s > len as i64) {
        return Ok(None);
    }
    let (s, e) = crate::builtins::str::adjust_bounds(len, st, en);
    if s > e {
        return Ok(None);
    }
    Ok(Some((s, e)))
}

fn find(vm: &mut Vm, a: Args, right: bool, raise: bool, name: &str) -> PyResult<Value> {
    let (_, d) = this(vm, &a, name)?;
    let b = search_sig(name).bind(vm, &a)?;
    let sub = sub_arg(vm, b.req(0))?;
    let mut r = -1i64;
    if let Some((s, e)) = window(vm, &b, d.len())? {
        let hay = &d[s..e];
        let f = if right {
            rfind_sub(hay, &sub)
        } else {
            find_sub(hay, &sub)
        };
        if let Some(k) = f {
            r = (s + k) as i64;
        }
    }
    if r < 0 && raise {
        return Err(vm.value_error("subsection not found"));
    }
    Ok(vm.new_int(r))
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &a, "count")?;
    let b = search_sig("count").bind(vm, &a)?;
    let sub = sub_arg(vm, b.req(0))?;
    let n = match window(vm, &b, d.len())? {
        Some((s, e)) => count_sub(&d[s..e], &sub),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn starts_ends(vm: &mut Vm, a: Args, ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    let (_, d) = this(vm, &a, name)?;
    let b = search_sig(name).bind(vm, &a)?;
    let p = b.req(0);
    let cands: Vec<Value> = match p.as_obj().map(|o| &o.data) {
        Some(ObjData::Tuple(items)) => items.to_vec(),
        Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => vec![p],
        _ => {
            return Err(vm.type_error(&format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(p)
            )));
        }
    };
    let Some((s, e)) = window(vm, &b, d.len())? else {
        return Ok(Value::FALSE);
    };
    let hay = &d[s..e];
    for c in cands {
        let c = bytes_arg(vm, c)?;
        if (ends && hay.ends_with(&c)) || (!ends && hay.starts_with(&c)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn split(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let (recv, d) = this(vm, &a, name)?;
    let b = if right { &RSPLIT } else { &SPLIT }.bind(vm, &a)?;
    let sep = b.opt(0);
    let maxsplit = b.ssize_or(vm, 1, -1)?;
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => parts = split_bspace(&d, max, right),
        Some(sv) => {
            let sep = bytes_arg(vm, sv)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut idxs = Vec::new();
            if !right {
                let mut i = 0;
                while idxs.len() < max {
                    match find_sub(&d[i..], &sep) {
                        Some(k) => {
                            idxs.push(i + k);
                            i += k + sep.len();
                        }
                        None => break,
                    }
                }
            } else {
                let mut end = d.len();
                while idxs.len() < max {
                    match rfind_sub(&d[..end], &sep) {
                        Some(k) => {
                            idxs.push(k);
                            end = k;
                        }
                        None => break,
                    }
                }
                idxs.reverse();
            }
            let mut st = 0;
            for k in idxs {
                parts.push(d[st..k].to_vec());
                st = k + sep.len();
            }
            parts.push(d[st..].to_vec());
        }
    }
    let items: Vec<Value> = parts.into_iter().map(|p| like(vm, recv, p)).collect();
    Ok(vm.new_list(items))
}

/// Whitespace split with CPython's maxsplit semantics: the unsplit remainder keeps
/// its whitespace on the far side.
fn split_bspace(d: &[u8], max: usize, right: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = max;
    if !right {
        let mut i = 0;
        while i < d.len() && is_bspace(d[i]) {
            i += 1;
        }
        while i < d.len() {
            if left == 0 {
                out.push(d[i..].to_vec());
                break;
            }
            let st = i;
            while i < d.len() && !is_bspace(d[i]) {
                i += 1;
            }
            out.push(d[st..i].to_vec());
            while i < d.len() && is_bspace(d[i]) {
                i += 1;
            }
            left -= 1;
        }
    } else {
        let mut e = d.len();
        while e > 0 && is_bspace(d[e - 1]) {
            e -= 1;
        }
        while e > 0 {
            if left == 0 {
                out.push(d[..e].to_vec());
                break;
            }
            let en = e;
            while e > 0 && !is_bspace(d[e - 1]) {
                e -= 1;
            }
            out.push(d[e..en].to_vec());
            while e > 0 && is_bspace(d[e - 1]) {
                e -= 1;
            }
            left -= 1;
        }
        out.reverse();
    }
    out
}

fn strip(vm: &mut Vm, a: Args, l: bool, r: bool, name: &str) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, name)?;
    let chars = STRIP[l as usize * 2 + r as usize - 1].bind(vm, &a)?.opt(0);
    let set: Option<Vec<u8>> = match chars {
        Some(c) => Some(bytes_arg(vm, c)?),
        None => None,
    };
    let strip_it = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_bspace(b),
    };
    let mut s = 0;
    let mut e = d.len();
    if l {
        while s < e && strip_it(d[s]) {
            s += 1;
        }
    }
    if r {
        while e > s && strip_it(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(vm, recv, d[s..e].to_vec()))
}

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, "replace")?;
    let b = REPLACE.bind(vm, &a)?;
    let old = b.bytes(vm, 0)?;
    let new = b.bytes(vm, 1)?;
    let count = b.ssize_or(vm, 2, -1)?;
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        for &x in &d {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(x);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        while i < d.len() {
            if left > 0 && d[i..].starts_with(&old) {
                out.extend_from_slice(&new);
                i += old.len();
                left -= 1;
            } else {
                out.push(d[i]);
                i += 1;
            }
        }
    }
    Ok(like(vm, recv, out))
}

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, sep) = this(vm, &a, "join")?;
    let it = JOIN.bind(vm, &a)?.req(0);
    let items = vm.collect_iter(it).map_err(|e| {
        if vm.matches(e.0, "TypeError")
            && vm.dunder(it, "__iter__").is_none()
            && vm.dunder(it, "__getitem__").is_none()
        {
            vm.type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(d) = data_of(*x) else {
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(*x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
    }
    Ok(like(vm, recv, out))
}

fn map_bytes(vm: &mut Vm, a: Args, name: &'static str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, name)?;
    Sig::new(name, []).method().bind(vm, &a)?;
    Ok(like(vm, recv, f(&d)))
}

fn pred(vm: &mut Vm, a: Args, name: &'static str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (_, d) = this(vm, &a, name)?;
    Sig::new(name, []).method().bind(vm, &a)?;
    Ok(Value::bool(f(&d)))
}

fn title(d: &[u8]) -> Vec<u8> {
    let mut prev = false;
    d.iter()
        .map(|&c| {
            let r = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize(d: &[u8]) -> Vec<u8> {
    d.iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapcase(d: &[u8]) -> Vec<u8> {
    d.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

fn is_title(d: &[u8]) -> bool {
    let mut cased = false;
    let mut prev = false;
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

fn justify(vm: &mut Vm, a: Args, how: char, name: &str) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, name)?;
    let sig = match how {
        '^' => &JUSTIFY[0],
        '<' => &JUSTIFY[1],
        _ => &JUSTIFY[2],
    };
    let b = sig.bind(vm, &a)?;
    let width = b.ssize(vm, 0)?;
    let fill = match b.get(1) {
        Some(f) => match data_of(f) {
            Some(x) if x.len() == 1 => x[0],
            Some(_) => {
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not bytes"
                )));
            }
            None => {
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )));
            }
        },
        None => b' ',
    };
    let len = d.len() as i64;
    if width <= len {
        return Ok(like(vm, recv, d));
    }
    vm.check_alloc(width as u128, 1)?;
    let marg = (width - len) as usize;
    let (l, r) = match how {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            let l = marg / 2 + (marg & width as usize & 1);
            (l, marg - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&d);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(like(vm, recv, out))
}

fn zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, "zfill")?;
    let width = ZFILL.bind(vm, &a)?.ssize(vm, 0)?;
    if width <= d.len() as i64 {
        return Ok(like(vm, recv, d));
    }
    vm.check_alloc(width as u128, 1)?;
    let n = width as usize - d.len();
    let mut out = Vec::with_capacity(width as usize);
    let (sign, rest) = if !d.is_empty() && (d[0] == b'+' || d[0] == b'-') {
        (&d[..1], &d[1..])
    } else {
        (&d[..0], &d[..])
    };
    out.extend_from_slice(sign);
    out.extend(std::iter::repeat_n(b'0', n));
    out.extend_from_slice(rest);
    Ok(like(vm, recv, out))
}

fn partition(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let (recv, d) = this(vm, &a, name)?;
    let sep = PARTITION[right as usize].bind(vm, &a)?.bytes(vm, 0)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let f = if right {
        rfind_sub(&d, &sep)
    } else {
        find_sub(&d, &sep)
    };
    let (x, y, z) = match f {
        Some(k) => (d[..k].to_vec(), sep.clone(), d[k + sep.len()..].to_vec()),
        None if right => (vec![], vec![], d.clone()),
        None => (d.clone(), vec![], vec![]),
    };
    let items = vec![like(vm, recv, x), like(vm, recv, y), like(vm, recv, z)];
    Ok(vm.new_tuple(items))
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, "splitlines")?;
    let keep = match SPLITLINES.bind(vm, &a)?.get(0) {
        Some(k) => to_c_int(vm, k)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let mut st = 0;
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && i + 1 < d.len() && d[i + 1] == b'\n' {
                end += 1;
            }
            parts.push(if keep {
                d[st..end].to_vec()
            } else {
                d[st..i].to_vec()
            });
            st = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if st < d.len() {
        parts.push(d[st..].to_vec());
    }
    let items: Vec<Value> = parts.into_iter().map(|p| like(vm, recv, p)).collect();
    Ok(vm.new_list(items))
}

/// `bytes.hex(self, /, sep=<unrepresentable>, bytes_per_sep=1)`
/// The slot methods of one or two arguments, whose arity the call path checks.
const ONE: Sig<1> = Sig::new("method", ["other"]).method();
const TWO: Sig<2> = Sig::new("method", ["key", "value"]).method();

const HEX: Sig<2> = Sig::new("hex", ["sep", "bytes_per_sep"])
    .posonly(0)
    .required(0)
    .method();

fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &a, "hex")?;
    let b = HEX.bind(vm, &a)?;
    let sep = b.get(0);
    let per = match b.get(1) {
        Some(p) => to_c_int(vm, p)? as i64,
        None => 1,
    };
    let digits: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(vm.new_string(digits.concat()));
    };
    let sep_s: String = if let Some(s) = crate::builtins::str::as_str(sep) {
        s.to_string()
    } else if let Some(b) = data_of(sep) {
        b.iter().map(|&x| x as char).collect()
    } else {
        return Err(vm.type_error(&format!(
            "sep must be str or bytes., not {}",
            vm.type_name(sep)
        )));
    };
    if sep_s.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    if !sep_s.is_ascii() {
        return Err(vm.value_error("sep must be ASCII."));
    }
    if per == 0 || d.is_empty() {
        return Ok(vm.new_string(digits.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::with_capacity(n * 3);
    for (i, h) in digits.iter().enumerate() {
        if i > 0 {
            let boundary = if per > 0 {
                (n - i).is_multiple_of(k)
            } else {
                i.is_multiple_of(k)
            };
            if boundary {
                out.push_str(&sep_s);
            }
        }
        out.push_str(h);
    }
    Ok(vm.new_string(out))
}

/// `bytes.fromhex(string, /)`, a class method (the receiver is the class).
const FROMHEX: Sig<1> = Sig::new("fromhex", ["string"]).method();

fn fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = FROMHEX.bind(vm, &a)?;
    let (cls, arg) = (b.recv, b.req(0));
    if !crate::vm::types::is_type(cls) {
        return Err(vm.type_error("fromhex() needs a class"));
    }
    let Some(s) = crate::builtins::str::as_str(arg) else {
        return Err(vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(arg)
        )));
    };
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let hexv = |c: u8| (c as char).to_digit(16);
    while i < b.len() {
        // Python's whitespace, which has \v besides Rust's ASCII whitespace
        if b[i].is_ascii_whitespace() || b[i] == 0x0b {
            i += 1;
            continue;
        }
        let Some(h) = hexv(b[i]) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(l) = b.get(i + 1).and_then(|c| hexv(*c)) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((h * 16 + l) as u8);
        i += 2;
    }
    if crate::vm::types::type_obj(cls).builtin_base.get() == vm.types.bytearray {
        let r = new_bytearray(vm, out);
        if cls != vm.types.bytearray {
            return vm.call(cls, &[r]);
        }
        return Ok(r);
    }
    let r = vm.new_bytes(out);
    if cls != vm.types.bytes {
        return vm.call(cls, &[r]);
    }
    Ok(r)
}

/// `bytes.decode(self, /, encoding='utf-8', errors='strict')`
const DECODE: Sig<2> = Sig::new("decode", ["encoding", "errors"])
    .posonly(0)
    .required(0)
    .method();

fn bytes_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, d) = this(vm, &a, "decode")?;
    let b = DECODE.bind(vm, &a)?;
    let enc = b.str_or(vm, 0, "utf-8")?;
    let errs = b.str_or(vm, 1, "strict")?;
    let s = decode(vm, &d, enc, errs)?;
    Ok(vm.new_string(s))
}

/// `bytes.translate(self, table, /, delete=b'')`
const TRANSLATE: Sig<2> = Sig::new("translate", ["table", "delete"])
    .posonly(1)
    .required(1)
    .method();

fn translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, "translate")?;
    let b = TRANSLATE.bind(vm, &a)?;
    let table = b.req(0);
    let tbl: Option<Vec<u8>> = if table.is_none() {
        None
    } else {
        let t = bytes_arg(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match b.get(1) {
        Some(_) => b.bytes(vm, 1)?,
        None => vec![],
    };
    let out: Vec<u8> = d
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| match &tbl {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    Ok(like(vm, recv, out))
}

/// `bytes.maketrans(frm, to, /)`, a static method.
const MAKETRANS: Sig<2> = Sig::new("maketrans", ["frm", "to"]).owner("bytes");

fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = MAKETRANS.bind(vm, &a)?;
    let from = b.bytes(vm, 0)?;
    let to = b.bytes(vm, 1)?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in from.iter().zip(to.iter()) {
        t[*f as usize] = *x;
    }
    Ok(vm.new_bytes(t))
}

fn remove_affix(vm: &mut Vm, a: Args, prefix: bool) -> PyResult<Value> {
    let name = if prefix {
        "removeprefix"
    } else {
        "removesuffix"
    };
    let (recv, d) = this(vm, &a, name)?;
    let x = AFFIX[prefix as usize].bind(vm, &a)?.bytes(vm, 0)?;
    let out = if prefix {
        d.strip_prefix(x.as_slice()).unwrap_or(&d).to_vec()
    } else {
        d.strip_suffix(x.as_slice()).unwrap_or(&d).to_vec()
    };
    Ok(like(vm, recv, out))
}

fn expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (recv, d) = this(vm, &a, "expandtabs")?;
    let ts = match EXPANDTABS.bind(vm, &a)?.get(0) {
        Some(t) => to_c_int(vm, t)? as i64,
        None => 8,
    };
    let tabs = d.iter().filter(|&&b| b == b'\t').count() as u128;
    vm.check_alloc(tabs * ts.max(0) as u128 + d.len() as u128, 1)?;
    let mut out = Vec::with_capacity(d.len());
    let mut col: i64 = 0;
    for &c in &d {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(vm, recv, out))
}

// ---- bytearray mutation ----

fn ba_this(vm: &mut Vm, a: &Args, name: &str) -> PyResult<&'static Mut<Vec<u8>>> {
    match a
        .pos
        .first()
        .and_then(|v| crate::builtins::str::payload(*v).as_obj())
        .map(|o| &o.data)
    {
        Some(ObjData::ByteArray(b)) => Ok(b),
        _ => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'bytearray' object"
        ))),
    }
}

/// `ba *= n` in place (an int `n`).
pub fn bytearray_irepeat(vm: &mut Vm, data: &Mut<Vec<u8>>, n: Value) -> PyResult<()> {
    let n = vm.repeat_count(n, data.get().len(), 1)?;
    let rep = data.get().repeat(n);
    *data.get() = rep;
    Ok(())
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ba_this(vm, &a, "append")?;
    let x = Sig::new("append", ["item"]).method().bind(vm, &a)?.req(0);
    let x = byte_value(vm, x)?;
    b.get().push(x);
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ba_this(vm, &a, "extend")?;
    let it = Sig::new("extend", ["iterable_of_ints"])
        .method()
        .bind(vm, &a)?
        .req(0);
    if vm.is_str(it) {
        return Err(vm.type_error("expected iterable of integers; got: 'str'"));
    }
    let items = ints_to_bytes(vm, it, "byte must be in range(0, 256)")?;
    b.get().extend_from_slice(&items);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ba_this(vm, &a, "pop")?;
    const POP: Sig<1> = Sig::new("pop", ["index"]).required(0).method();
    let args = POP.bind(vm, &a)?;
    let i = args.ssize_or(vm, 0, -1)?;
    let n = b.get().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = b.get().remove(j as usize);
    Ok(Value::small_int(x as i64))
}

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ba_this(vm, &a, "insert")?;
    const INSERT: Sig<2> = Sig::new("insert", ["index", "item"]).method();
    let args = INSERT.bind(vm, &a)?;
    let i = args.ssize(vm, 0)?;
    let x = byte_value(vm, args.req(1))?;
    let n = b.get().len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.get().insert(j as usize, x);
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ba_this(vm, &a, "remove")?;
    let x = Sig::new("remove", ["value"]).method().bind(vm, &a)?.req(0);
    let x = byte_value(vm, x)?;
    match b.get().iter().position(|c| *c == x) {
        Some(k) => {
            b.get().remove(k);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn bytes_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (v, d) = this(vm, &a, "__mul__")?;
    let count = ONE.bind(vm, &a)?.req(0);
    let n = match vm.index_of(count)? {
        Some(n) => n,
        None => return Ok(vm.not_implemented),
    };
    let n = n.max(0) as usize;
    vm.check_alloc(n as u128 * d.len() as u128, 1)?;
    Ok(like(vm, v, d.repeat(n)))
}

pub fn register(vm: &mut Vm) {
    register_memoryview(vm);
    let shared: &[(&'static str, crate::object::NativeFn)] = &[
        ("decode", bytes_decode),
        ("hex", hex),
        ("join", join),
        ("split", |vm, a| split(vm, a, false)),
        ("rsplit", |vm, a| split(vm, a, true)),
        ("strip", |vm, a| strip(vm, a, true, true, "strip")),
        ("lstrip", |vm, a| strip(vm, a, true, false, "lstrip")),
        ("rstrip", |vm, a| strip(vm, a, false, true, "rstrip")),
        ("replace", replace),
        ("find", |vm, a| find(vm, a, false, false, "find")),
        ("rfind", |vm, a| find(vm, a, true, false, "rfind")),
        ("index", |vm, a| find(vm, a, false, true, "index")),
        ("rindex", |vm, a| find(vm, a, true, true, "rindex")),
        ("count", count),
        ("startswith", |vm, a| starts_ends(vm, a, false)),
        ("endswith", |vm, a| starts_ends(vm, a, true)),
        ("upper", |vm, a| {
            map_bytes(vm, a, "upper", |d| d.to_ascii_uppercase())
        }),
        ("lower", |vm, a| {
            map_bytes(vm, a, "lower", |d| d.to_ascii_lowercase())
        }),
        ("title", |vm, a| map_bytes(vm, a, "title", title)),
        ("capitalize", |vm, a| {
            map_bytes(vm, a, "capitalize", capitalize)
        }),
        ("swapcase", |vm, a| map_bytes(vm, a, "swapcase", swapcase)),
        ("isalpha", |vm, a| {
            pred(vm, a, "isalpha", |d| {
                !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic())
            })
        }),
        ("isdigit", |vm, a| {
            pred(vm, a, "isdigit", |d| {
                !d.is_empty() && d.iter().all(|c| c.is_ascii_digit())
            })
        }),
        ("isalnum", |vm, a| {
            pred(vm, a, "isalnum", |d| {
                !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric())
            })
        }),
        ("isspace", |vm, a| {
            pred(vm, a, "isspace", |d| {
                !d.is_empty() && d.iter().all(|c| is_bspace(*c))
            })
        }),
        ("isupper", |vm, a| {
            pred(vm, a, "isupper", |d| {
                d.iter().any(|c| c.is_ascii_uppercase())
                    && !d.iter().any(|c| c.is_ascii_lowercase())
            })
        }),
        ("islower", |vm, a| {
            pred(vm, a, "islower", |d| {
                d.iter().any(|c| c.is_ascii_lowercase())
                    && !d.iter().any(|c| c.is_ascii_uppercase())
            })
        }),
        ("istitle", |vm, a| pred(vm, a, "istitle", is_title)),
        ("isascii", |vm, a| pred(vm, a, "isascii", |d| d.is_ascii())),
        ("center", |vm, a| justify(vm, a, '^', "center")),
        ("ljust", |vm, a| justify(vm, a, '<', "ljust")),
        ("rjust", |vm, a| justify(vm, a, '>', "rjust")),
        ("zfill", zfill),
        ("partition", |vm, a| partition(vm, a, false)),
        ("rpartition", |vm, a| partition(vm, a, true)),
        ("splitlines", splitlines),
        ("translate", translate),
        ("removeprefix", |vm, a| remove_affix(vm, a, true)),
        ("removesuffix", |vm, a| remove_affix(vm, a, false)),
        ("expandtabs", expandtabs),
        ("__len__", |vm, a| {
            let (_, d) = this(vm, &a, "__len__")?;
            Ok(vm.new_int(d.len() as i64))
        }),
        ("__getitem__", |vm, a| {
            let (v, _) = this(vm, &a, "__getitem__")?;
            let key = ONE.bind(vm, &a)?.req(0);
            let p = crate::builtins::str::payload(v);
            vm.getitem(p, key)
        }),
        ("__contains__", |vm, a| {
            let (v, _) = this(vm, &a, "__contains__")?;
            let x = ONE.bind(vm, &a)?.req(0);
            let p = crate::builtins::str::payload(v);
            Ok(Value::bool(vm.contains(p, x)?))
        }),
        ("__iter__", |vm, a| {
            let (v, _) = this(vm, &a, "__iter__")?;
            let p = crate::builtins::str::payload(v);
            Ok(vm.new_iter(crate::object::IterState::Bytes { b: p, idx: 0 }))
        }),
        // `x % b` for a non-bytes x: bytes never format it (CPython's nb_remainder
        // slot, seen from the right)
        ("__rmod__", |vm, a| {
            this(vm, &a, "__rmod__")?;
            let other = ONE.bind(vm, &a)?.req(0);
            if data_of(other).is_none() {
                return Ok(vm.not_implemented);
            }
            vm.binary_op(crate::compiler::bytecode::BinOp::Mod, other, a.pos[0])
        }),
        ("__mod__", |vm, a| {
            let (v, d) = this(vm, &a, "__mod__")?;
            let values = ONE.bind(vm, &a)?.req(0);
            let r = crate::builtins::format::bytes_percent_format(vm, &d, values)?;
            Ok(like(vm, v, r))
        }),
        ("__add__", |vm, a| {
            let (v, mut d) = this(vm, &a, "__add__")?;
            let other = ONE.bind(vm, &a)?.req(0);
            let Some(o) = data_of(other) else {
                return Err(vm.type_error(&format!(
                    "can't concat {} to {}",
                    vm.type_name(other),
                    vm.type_name(v)
                )));
            };
            d.extend_from_slice(&o);
            Ok(like(vm, v, d))
        }),
        ("__mul__", bytes_mul),
        ("__rmul__", bytes_mul),
        ("__repr__", |vm, a| {
            let (v, d) = this(vm, &a, "__repr__")?;
            let r = crate::vm::ops::bytes_repr(&d);
            let s = if is_bytearray(v) {
                format!("{}({r})", vm.type_name(v))
            } else {
                r
            };
            Ok(vm.new_string(s))
        }),
    ];
    for t in [vm.types.bytes, vm.types.bytearray] {
        for (name, f) in shared {
            vm.add_method(t, name, *f);
        }
        let fh = vm.new_builtin("fromhex", fromhex);
        let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(fh));
        let k = vm.intern("fromhex");
        vm.type_set_attr(t, k, cm);
        let mt = vm.new_builtin("maketrans", maketrans);
        let sm = vm.alloc(vm.types.staticmethod, ObjData::StaticMethod(mt));
        let k = vm.intern("maketrans");
        vm.type_set_attr(t, k, sm);
    }
    let t = vm.types.bytes;
    vm.add_method(t, "__new__", bytes_new);
    vm.add_method(t, "__bytes__", |vm, a| {
        let (_, d) = this(vm, &a, "__bytes__")?;
        Ok(vm.new_bytes(d))
    });
    let t = vm.types.bytearray;
    let ba: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", bytearray_new),
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("reverse", |vm, a| {
            let b = ba_this(vm, &a, "reverse")?;
            b.get().reverse();
            Ok(Value::NONE)
        }),
        ("clear", |vm, a| {
            let b = ba_this(vm, &a, "clear")?;
            b.get().clear();
            Ok(Value::NONE)
        }),
        ("copy", |vm, a| {
            let b = ba_this(vm, &a, "copy")?;
            let d = b.get().clone();
            Ok(new_bytearray(vm, d))
        }),
        ("__setitem__", |vm, a| {
            ba_this(vm, &a, "__setitem__")?;
            let b = TWO.bind(vm, &a)?;
            let p = crate::builtins::str::payload(b.recv);
            bytearray_setitem(vm, p, b.req(0), b.req(1))?;
            Ok(Value::NONE)
        }),
        ("__delitem__", |vm, a| {
            ba_this(vm, &a, "__delitem__")?;
            let b = ONE.bind(vm, &a)?;
            let p = crate::builtins::str::payload(b.recv);
            bytearray_delitem(vm, p, b.req(0))?;
            Ok(Value::NONE)
        }),
        // what a subclass's own __init__ reaches through super(): the instance
        // starts empty and is filled here, as CPython's bytearray_init does
        ("__init__", |vm, a| {
            let b = ba_this(vm, &a, "__init__")?;
            let d = construct(vm, a, true)?;
            *b.get() = d;
            Ok(Value::NONE)
        }),
        ("__imul__", |vm, a| {
            let b = ba_this(vm, &a, "__imul__")?;
            let n = ONE.bind(vm, &a)?.req(0);
            if !vm.is_intlike(n) {
                return Ok(vm.not_implemented);
            }
            bytearray_irepeat(vm, b, n)?;
            Ok(a.pos[0])
        }),
        ("__alloc__", |vm, a| {
            let b = ba_this(vm, &a, "__alloc__")?;
            let n = b.get().capacity() as i64 + 1;
            Ok(vm.new_int(n))
        }),
    ];
    for (name, f) in ba {
        vm.add_method(t, name, *f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_search_helpers() {
        assert_eq!(count_sub(b"aaaa", b"aa"), 2);
        assert_eq!(rfind_sub(b"hello", b"l"), Some(3));
        assert_eq!(find_sub(b"abc", b""), Some(0));
    }
}
