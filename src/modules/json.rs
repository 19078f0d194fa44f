//! `_json`: the accelerator functions `json.decoder` and `json.encoder` take when
//! they exist: `scanstring` (with CPython's `_json` messages, which differ from the
//! pure-Python fallback's), `encode_basestring_ascii` and `encode_basestring`.
//! `make_scanner` and `make_encoder` are not here: `json` then uses its
//! pure-Python scanner and encoder around these functions.

use crate::builtins::signature::Sig;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_json", init);
}

const SRC: &str = r#"
"""json speedups
"""

def scanstring(string, end, strict=True, /):
    r = _scanstring(string, end, strict)
    if r[0] is None:
        from json.decoder import JSONDecodeError
        raise JSONDecodeError(r[1], string, r[2])
    return r
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_json");
    let d = vm.module_dict(m);
    vm.add_fn(d, "_scanstring", scanstring);
    vm.add_fn(d, "encode_basestring_ascii", |vm, a| encode(vm, a, true));
    vm.add_fn(d, "encode_basestring", |vm, a| encode(vm, a, false));
    crate::modules::itertools::run_source(vm, m, SRC, "<_json>")?;
    Ok(m)
}

fn str_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("first argument must be a string, not {t}")));
    }
    Ok(crate::builtins::str::payload(v))
}

fn push_u(out: &mut String, c: char) {
    let mut buf = [0u16; 2];
    for u in c.encode_utf16(&mut buf) {
        out.push_str(&format!("\\u{u:04x}"));
    }
}

/// `encode_basestring_ascii(s)` / `encode_basestring(s)`: `s` as a JSON string
/// literal, quotes included.
fn encode(vm: &mut Vm, a: Args, ascii: bool) -> PyResult<Value> {
    const ENCODE: Sig<1> = Sig::new("encode_basestring", ["s"]).owner("_json");
    const ENCODE_ASCII: Sig<1> = Sig::new("encode_basestring_ascii", ["s"]).owner("_json");
    let sig = if ascii { &ENCODE_ASCII } else { &ENCODE };
    let s = sig.bind(vm, &a)?.req(0);
    let s = str_arg(vm, s)?;
    let src = crate::vm::str_of(s);
    let mut out = String::with_capacity(src.len() + 2);
    out.push('"');
    for c in src.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ if (c as u32) < 0x20 || ascii => push_u(&mut out, c),
            _ => out.push(c),
        }
    }
    out.push('"');
    Ok(vm.new_string(out))
}

/// `_scanstring(s, end, strict)`: (text, end after the closing quote), or
/// (None, message, position) for the Python part to raise as JSONDecodeError.
fn scanstring(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const SCANSTRING: Sig<3> = Sig::new("scanstring", ["string", "end", "strict"]);
    let b = SCANSTRING.bind(vm, &a)?;
    let s = str_arg(vm, b.req(0))?;
    let end = match vm.index_of(b.req(1))? {
        Some(e) => e,
        None => {
            let t = vm.type_name(b.req(1));
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    let strict = vm.truthy(b.req(2))?;
    let ObjData::Str(p) = &s.obj().data else {
        unreachable!("str_arg gives a str")
    };
    if end < 0 || end as usize > p.char_len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let begin = end as usize - 1;
    let start = p.byte_of(end as usize);
    let chars: Vec<char> = p.s[start..].chars().collect();
    let r = scan(&chars, strict);
    let base = end as usize;
    match r {
        Ok((text, next)) => {
            let t = vm.new_string(text);
            vm.temp_roots.push(t);
            let e = vm.new_int((base + next) as i64);
            vm.temp_roots.pop();
            Ok(vm.new_tuple(vec![t, e]))
        }
        Err((msg, pos)) => {
            let pos = match pos {
                Some(p) => base + p,
                None => begin,
            };
            let m = vm.new_str(msg);
            vm.temp_roots.push(m);
            let e = vm.new_int(pos as i64);
            vm.temp_roots.pop();
            Ok(vm.new_tuple(vec![Value::NONE, m, e]))
        }
    }
}

/// CPython's scanstring_unicode over the characters after the opening quote.
/// An error is (message, position relative to the start, or None for the opening
/// quote). A `\u` escape naming a lone surrogate gives U+FFFD: Coil's str holds
/// no lone surrogates.
#[allow(clippy::type_complexity)]
fn scan(c: &[char], strict: bool) -> Result<(String, usize), (&'static str, Option<usize>)> {
    const UNTERMINATED: &str = "Unterminated string starting at";
    const BAD_U: &str = "Invalid \\uXXXX escape";
    let len = c.len();
    let mut out = String::new();
    let mut end = 0;
    loop {
        let mut next = end;
        let mut ch = '\0';
        while next < len {
            ch = c[next];
            if ch == '"' || ch == '\\' {
                break;
            }
            if (ch as u32) <= 0x1f && strict {
                return Err(("Invalid control character at", Some(next)));
            }
            next += 1;
        }
        if next >= len {
            return Err((UNTERMINATED, None));
        }
        out.extend(&c[end..next]);
        next += 1;
        if ch == '"' {
            return Ok((out, next));
        }
        if next == len {
            return Err((UNTERMINATED, None));
        }
        let e = c[next];
        if e != 'u' {
            end = next + 1;
            let r = match e {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(("Invalid \\escape", Some(end - 2))),
            };
            out.push(r);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= len {
            return Err((BAD_U, Some(next - 1)));
        }
        let hex4 = |at: usize| -> Option<u32> {
            let mut v = 0;
            for &d in &c[at..at + 4] {
                v = v * 16 + d.to_digit(16)?;
            }
            Some(v)
        };
        let Some(mut u) = hex4(next) else {
            return Err((BAD_U, Some(end - 5)));
        };
        next = end;
        if (0xD800..0xDC00).contains(&u) && end + 6 < len && c[next] == '\\' && c[next + 1] == 'u' {
            let Some(u2) = hex4(next + 2) else {
                return Err((BAD_U, Some(end + 1)));
            };
            if (0xDC00..0xE000).contains(&u2) {
                u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                end += 6;
            }
        }
        out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
    }
}
