//! Constructors and methods of the built-in `str` types.

use crate::builtins::signature::{Sig, Style};
use crate::builtins::strsearch;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::{IterState, ObjData, PyStr};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    crate::builtins::format::register(vm);
    let t = vm.types.str;
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", str_new),
        ("split", |vm, a| split(vm, a, false)),
        ("rsplit", |vm, a| split(vm, a, true)),
        ("join", join),
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
            map_str(vm, a, "upper", |s| s.to_uppercase())
        }),
        ("lower", |vm, a| map_str(vm, a, "lower", py_lower)),
        ("title", |vm, a| map_str(vm, a, "title", py_title)),
        ("capitalize", |vm, a| {
            map_str(vm, a, "capitalize", py_capitalize)
        }),
        ("swapcase", |vm, a| map_str(vm, a, "swapcase", py_swapcase)),
        ("casefold", |vm, a| map_str(vm, a, "casefold", py_casefold)),
        ("isdigit", |vm, a| {
            pred(vm, a, "isdigit", |s| {
                !s.is_empty() && s.chars().all(is_digit)
            })
        }),
        ("isdecimal", |vm, a| {
            pred(vm, a, "isdecimal", |s| {
                !s.is_empty() && s.chars().all(is_decimal)
            })
        }),
        ("isnumeric", |vm, a| {
            pred(vm, a, "isnumeric", |s| {
                !s.is_empty() && s.chars().all(is_numeric)
            })
        }),
        ("isalpha", |vm, a| {
            pred(vm, a, "isalpha", |s| {
                !s.is_empty() && s.chars().all(is_alpha)
            })
        }),
        ("isalnum", |vm, a| {
            pred(vm, a, "isalnum", |s| {
                !s.is_empty() && s.chars().all(is_alnum)
            })
        }),
        ("isspace", |vm, a| {
            pred(vm, a, "isspace", |s| {
                !s.is_empty() && s.chars().all(is_space)
            })
        }),
        ("isupper", |vm, a| pred(vm, a, "isupper", is_upper_str)),
        ("islower", |vm, a| pred(vm, a, "islower", is_lower_str)),
        ("istitle", |vm, a| pred(vm, a, "istitle", is_title_str)),
        ("isidentifier", |vm, a| {
            pred(vm, a, "isidentifier", is_identifier)
        }),
        ("isprintable", |vm, a| {
            pred(vm, a, "isprintable", |s| s.chars().all(is_printable))
        }),
        ("isascii", |vm, a| pred(vm, a, "isascii", |s| s.is_ascii())),
        ("center", |vm, a| justify(vm, a, '^', "center")),
        ("ljust", |vm, a| justify(vm, a, '<', "ljust")),
        ("rjust", |vm, a| justify(vm, a, '>', "rjust")),
        ("zfill", zfill),
        ("partition", |vm, a| partition(vm, a, false)),
        ("rpartition", |vm, a| partition(vm, a, true)),
        ("splitlines", splitlines),
        ("expandtabs", expandtabs),
        ("encode", encode),
        ("removeprefix", |vm, a| remove_affix(vm, a, true)),
        ("removesuffix", |vm, a| remove_affix(vm, a, false)),
        ("translate", translate),
        ("__len__", |vm, a| {
            let (_, s) = this(vm, &a, "__len__")?;
            Ok(vm.new_int(s.chars().count() as i64))
        }),
        ("__contains__", |vm, a| {
            let (_, s) = this(vm, &a, "__contains__")?;
            let x = ONE.bind(vm, &a)?.req(0);
            let Some(sub) = as_str(x) else {
                return Err(vm.type_error(&format!(
                    "'in <string>' requires string as left operand, not {}",
                    vm.type_name(x)
                )));
            };
            Ok(Value::bool(strsearch::contains(s, sub)))
        }),
        ("__getitem__", |vm, a| {
            let (v, s) = this(vm, &a, "__getitem__")?;
            let key = ONE.bind(vm, &a)?.req(0);
            let plain = vm.new_str(s);
            let _ = v;
            vm.getitem(plain, key)
        }),
        ("__add__", |vm, a| {
            let (_, s) = this(vm, &a, "__add__")?;
            let other = ONE.bind(vm, &a)?.req(0);
            match as_str(other) {
                Some(o) => Ok(vm.new_string(format!("{s}{o}"))),
                None => Err(vm.type_error(&format!(
                    "can only concatenate str (not \"{}\") to str",
                    vm.type_name(other)
                ))),
            }
        }),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__mod__", |vm, a| {
            let (_, s) = this(vm, &a, "__mod__")?;
            let values = ONE.bind(vm, &a)?.req(0);
            let plain = vm.new_str(s);
            crate::builtins::format::percent_format(vm, plain, values)
        }),
        ("__eq__", |vm, a| str_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| str_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| str_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| str_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| str_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| str_cmp(vm, a, CmpOp::Ge)),
        ("__hash__", |vm, a| {
            let (_, s) = this(vm, &a, "__hash__")?;
            let plain = vm.new_str(s);
            let h = vm.str_hash(plain);
            Ok(vm.new_int(h))
        }),
        ("__iter__", |vm, a| {
            let (v, _) = this(vm, &a, "__iter__")?;
            Ok(vm.new_iter(IterState::Str {
                s: payload(v),
                byte_pos: 0,
            }))
        }),
        ("__str__", |vm, a| {
            let (v, s) = this(vm, &a, "__str__")?;
            if vm.type_of(v) == vm.types.str {
                return Ok(v);
            }
            Ok(vm.new_str(s))
        }),
        ("__repr__", |vm, a| {
            let (_, s) = this(vm, &a, "__repr__")?;
            Ok(vm.new_string(crate::vm::ops::str_repr(s)))
        }),
        ("__getnewargs__", |vm, a| {
            let (_, s) = this(vm, &a, "__getnewargs__")?;
            let v = vm.new_str(s);
            Ok(vm.new_tuple(vec![v]))
        }),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    let mk = vm.new_builtin("maketrans", maketrans);
    let sm = vm.alloc(vm.types.staticmethod, ObjData::StaticMethod(mk));
    let k = vm.intern("maketrans");
    vm.type_set_attr(t, k, sm);
}

// ---- argument helpers -------------------------------------------------------------

/// The built-in payload of an instance of a user subclass of a built-in type
/// (`class S(str)`), else the value itself.
pub fn payload(v: Value) -> Value {
    if let Some(ObjData::Instance(i)) = v.as_obj().map(|o| &o.data) {
        let p = i.base_value.get();
        if !p.is_empty() {
            return p;
        }
    }
    v
}

/// The text of a str (or str subclass) value.
pub fn as_str(v: Value) -> Option<&'static str> {
    match &payload(v).as_obj()?.data {
        ObjData::Str(s) => Some(&s.s),
        _ => None,
    }
}

/// The receiver of a str method.
fn this(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, &'static str)> {
    match a.pos.first() {
        Some(v) => match as_str(*v) {
            Some(s) => Ok((*v, s)),
            None => Err(vm.type_error(&format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(*v)
            ))),
        },
        None => Err(vm.type_error(&format!("unbound method str.{name}() needs an argument"))),
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<&'static str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(&format!("{what}must be str, not {}", vm.type_name(v)))),
    }
}

/// `[start:end]` bounds clamped like a slice, in units of `len`. May give start > end.
pub fn adjust_bounds(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len = len as i64;
    let fix = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let s = start.map(fix).unwrap_or(0);
    let e = end.map(fix).unwrap_or(len);
    (s as usize, e as usize)
}

/// Char index <-> byte offset conversions for a str.
struct Text<'a> {
    s: &'a str,
    ascii: bool,
    len: usize,
}

impl<'a> Text<'a> {
    fn new(s: &'a str) -> Text<'a> {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        Text { s, ascii, len }
    }
    fn byte(&self, ci: usize) -> usize {
        if self.ascii {
            return ci.min(self.s.len());
        }
        self.s
            .char_indices()
            .nth(ci)
            .map(|(b, _)| b)
            .unwrap_or(self.s.len())
    }
    fn char_idx(&self, bi: usize) -> usize {
        if self.ascii {
            bi
        } else {
            self.s[..bi].chars().count()
        }
    }
}

// ---- character classes ------------------------------------------------------------

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

const ND_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

pub fn is_decimal(c: char) -> bool {
    let n = c as u32;
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    (0x1D7CE..=0x1D7FF).contains(&n) || ND_ZEROS.iter().any(|z| (*z..*z + 10).contains(&n))
}

pub fn is_digit(c: char) -> bool {
    if is_decimal(c) {
        return true;
    }
    let n = c as u32;
    matches!(n, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C
        | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792
        | 0x1369..=0x1371 | 0x19DA | 0x1F100..=0x1F10A)
}

pub fn is_numeric(c: char) -> bool {
    if c.is_numeric() {
        return true;
    }
    let n = c as u32;
    matches!(
        n,
        0x3007
            | 0x4E00
            | 0x4E8C
            | 0x4E09
            | 0x56DB
            | 0x4E94
            | 0x516D
            | 0x4E03
            | 0x516B
            | 0x4E5D
            | 0x5341
            | 0x767E
            | 0x5343
            | 0x4E07
            | 0x842C
            | 0x5104
            | 0x5146
            | 0x96F6
            | 0x5EFF
            | 0x5345
            | 0x4EBF
            | 0x58F1
            | 0x58F9
            | 0x8CB3
            | 0x8D30
            | 0x53C1
            | 0x53C2
            | 0x53C3
            | 0x8086
            | 0x4F0D
            | 0x9678
            | 0x9646
            | 0x67D2
            | 0x634C
            | 0x7396
            | 0x62FE
            | 0x4EDF
            | 0x4F70
            | 0x964C
            | 0x842D
            | 0x4EAC
            | 0x5793
            | 0x79ED
            | 0x4E24
            | 0x5169
    )
}

pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !is_combining(c)
}

fn is_combining(c: char) -> bool {
    let n = c as u32;
    matches!(n, 0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{AD}'
            | '\u{B7}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
    ) || is_combining(c)
}

fn is_upper_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

fn is_lower_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}

fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || is_alpha(c) || (c.is_alphabetic() && !c.is_ascii()) => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_alphanumeric() || is_combining(c) || c == '\u{B7}')
}

pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let n = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || matches!(n, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
            | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xD800..=0xDFFF | 0xE0000..)
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE)
}

// ---- case mapping ----------------------------------------------------------------

/// Lowercases one char at `i` with Final_Sigma context.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == 'Σ' {
        let before = chars[..i]
            .iter()
            .rev()
            .find(|c| !is_case_ignorable(**c))
            .is_some_and(|c| is_cased(*c));
        let after = chars[i + 1..]
            .iter()
            .find(|c| !is_case_ignorable(**c))
            .is_some_and(|c| is_cased(*c));
        out.push(if before && !after { 'ς' } else { 'σ' });
        return;
    }
    out.extend(c.to_lowercase());
}

pub fn py_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

fn title_char(c: char, out: &mut String) {
    let n = c as u32;
    let t = match n {
        0x1C4..=0x1C6 => Some('\u{1C5}'),
        0x1C7..=0x1C9 => Some('\u{1C8}'),
        0x1CA..=0x1CC => Some('\u{1CB}'),
        0x1F1..=0x1F3 => Some('\u{1F2}'),
        _ => None,
    };
    if let Some(t) = t {
        out.push(t);
        return;
    }
    if is_titlecase(c) {
        out.push(c);
        return;
    }
    let mut up = c.to_uppercase();
    if up.len() == 1 {
        out.push(up.next().unwrap());
        return;
    }
    // Multi-char expansions: first char upper, the rest lower (ß -> Ss, ﬃ -> Ffi).
    if let Some(f) = up.next() {
        out.push(f);
    }
    for r in up {
        out.extend(r.to_lowercase());
    }
}

pub fn py_title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            title_char(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

fn py_capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            title_char(chars[0], &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

fn py_swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_uppercase() {
            lower_at(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn py_casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_lowercase() && c != 'ı' {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

// ---- methods --------------------------------------------------------------------

/// The signature of the methods taking no arguments (the call path checks
/// their arity too; this covers direct calls of the natives).
fn no_args(name: &'static str) -> Sig<0> {
    Sig::new(name, []).method()
}

fn map_str(vm: &mut Vm, a: Args, name: &'static str, f: fn(&str) -> String) -> PyResult<Value> {
    let (_, s) = this(vm, &a, name)?;
    no_args(name).bind(vm, &a)?;
    Ok(vm.new_string(f(s)))
}

fn pred(vm: &mut Vm, a: Args, name: &'static str, f: fn(&str) -> bool) -> PyResult<Value> {
    let (_, s) = this(vm, &a, name)?;
    no_args(name).bind(vm, &a)?;
    Ok(Value::bool(f(s)))
}

/// `str(object='', encoding='utf-8', errors='strict')`, `str.__new__(cls, ...)`
const STR_NEW: Sig<3> = Sig::new("str", ["object", "encoding", "errors"])
    .posonly(0)
    .required(0)
    .method();

fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = STR_NEW.bind(vm, &a)?;
    let cls = b.recv;
    let (obj, encoding, errors) = (b.get(0), b.get(1), b.get(2));
    let r = match obj {
        None => vm.new_str(""),
        Some(o) if encoding.is_some() || errors.is_some() => {
            let enc = b.str_or(vm, 1, "utf-8")?.to_string();
            let errs = b.str_or(vm, 2, "strict")?.to_string();
            let bytes = match o.as_obj().map(|x| &x.data) {
                Some(ObjData::Bytes(b)) => b.to_vec(),
                Some(ObjData::ByteArray(b)) => b.get().clone(),
                Some(ObjData::Str(_)) => return Err(vm.type_error("decoding str is not supported")),
                _ => {
                    return Err(vm.type_error(&format!(
                        "decoding to str: need a bytes-like object, {} found",
                        vm.type_name(o)
                    )));
                }
            };
            let s = crate::builtins::bytes::decode(vm, &bytes, &enc, &errs)?;
            vm.new_string(s)
        }
        Some(o) => vm.str(o)?,
    };
    // For a subclass the core wraps this built-in value as the instance's payload.
    let _ = cls;
    if vm.type_of(r) != vm.types.str {
        let s = str_of(r);
        return Ok(vm.alloc(vm.types.str, ObjData::Str(PyStr::new(s.into()))));
    }
    Ok(r)
}

// The signatures of the methods str shares with bytes and bytearray (same
// parameters, same messages): bytes.rs binds its methods with these too.

/// `str.split(self, /, sep=None, maxsplit=-1)`
pub(crate) const SPLIT: Sig<2> = Sig::new("split", ["sep", "maxsplit"])
    .posonly(0)
    .required(0)
    .method();
pub(crate) const RSPLIT: Sig<2> = Sig::new("rsplit", ["sep", "maxsplit"])
    .posonly(0)
    .required(0)
    .method();

fn split(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let (_, s) = this(vm, &a, name)?;
    let b = if right { &RSPLIT } else { &SPLIT }.bind(vm, &a)?;
    let sep = b.opt(0);
    let maxsplit = b.ssize_or(vm, 1, -1)?;
    let parts: Vec<&str> = match sep {
        None => split_whitespace(s, maxsplit, right),
        Some(sv) => {
            let Some(sep) = as_str(sv) else {
                return Err(
                    vm.type_error(&format!("must be str or None, not {}", vm.type_name(sv)))
                );
            };
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            split_sep(s, sep, maxsplit, right)
        }
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: i64, right: bool) -> Vec<&'a str> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    if right {
        let mut v = strsearch::rsplitn(s, max.saturating_add(1), sep);
        v.reverse();
        v
    } else {
        strsearch::splitn(s, max.saturating_add(1), sep)
    }
}

fn split_whitespace(s: &str, maxsplit: i64, right: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    if !right {
        let mut rest = s.trim_start_matches(is_space);
        while !rest.is_empty() {
            if left == 0 {
                out.push(rest);
                break;
            }
            match rest.find(is_space) {
                Some(k) => {
                    out.push(&rest[..k]);
                    rest = rest[k..].trim_start_matches(is_space);
                    left -= 1;
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
    } else {
        let mut rest = s.trim_end_matches(is_space);
        while !rest.is_empty() {
            if left == 0 {
                out.push(rest);
                break;
            }
            match rest.rfind(is_space) {
                Some(k) => {
                    let cl = rest[k..].chars().next().unwrap().len_utf8();
                    out.push(&rest[k + cl..]);
                    rest = rest[..k].trim_end_matches(is_space);
                    left -= 1;
                }
                None => {
                    out.push(rest);
                    break;
                }
            }
        }
        out.reverse();
    }
    out
}

/// `str.join(self, iterable, /)`
pub(crate) const JOIN: Sig<1> = Sig::new("join", ["iterable"]).method();

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, sep) = this(vm, &a, "join")?;
    let it = JOIN.bind(vm, &a)?.req(0);
    let items = match it.as_obj().map(|o| &o.data) {
        Some(ObjData::List(_) | ObjData::Tuple(_)) => vm.seq_items(it),
        _ => vm.collect_iter(it).map_err(|e| {
            if vm.matches(e.0, "TypeError")
                && vm.dunder(it, "__iter__").is_none()
                && vm.dunder(it, "__getitem__").is_none()
            {
                vm.type_error("can only join an iterable")
            } else {
                e
            }
        })?,
    };
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(t) = as_str(*x) else {
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(*x)
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    Ok(vm.new_string(out))
}

/// `str.strip(self, chars=None, /)` and lstrip, rstrip.
/// (indexed by `2 * l + r - 1`)
pub(crate) const STRIP: [Sig<1>; 3] = [
    Sig::new("rstrip", ["chars"]).required(0).method(),
    Sig::new("lstrip", ["chars"]).required(0).method(),
    Sig::new("strip", ["chars"]).required(0).method(),
];

fn strip(vm: &mut Vm, a: Args, l: bool, r: bool, name: &str) -> PyResult<Value> {
    let (v, s) = this(vm, &a, name)?;
    let chars = STRIP[l as usize * 2 + r as usize - 1].bind(vm, &a)?.opt(0);
    let out = match chars {
        None => {
            let mut t = s;
            if l {
                t = t.trim_start_matches(is_space);
            }
            if r {
                t = t.trim_end_matches(is_space);
            }
            t
        }
        Some(cv) => {
            let Some(cs) = as_str(cv) else {
                return Err(vm.type_error(&format!("{name} arg must be None or str")));
            };
            let mut t = s;
            if cs.is_ascii() {
                // a bitmap of the ASCII chars: no allocation, one test per char
                let mut bits = [0u64; 2];
                for b in cs.bytes() {
                    bits[(b >> 6) as usize] |= 1 << (b & 63);
                }
                let strip = |c: char| {
                    c.is_ascii() && bits[(c as u8 >> 6) as usize] >> (c as u8 & 63) & 1 == 1
                };
                if l {
                    t = t.trim_start_matches(strip);
                }
                if r {
                    t = t.trim_end_matches(strip);
                }
            } else {
                let set: Vec<char> = cs.chars().collect();
                if l {
                    t = t.trim_start_matches(set.as_slice());
                }
                if r {
                    t = t.trim_end_matches(set.as_slice());
                }
            }
            t
        }
    };
    if out.len() == s.len() && vm.type_of(v) == vm.types.str {
        return Ok(v);
    }
    Ok(vm.new_str(out))
}

/// `str.replace(self, old, new, count=-1, /)`
pub(crate) const REPLACE: Sig<3> = Sig::new("replace", ["old", "new", "count"])
    .required(2)
    .method();

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "replace")?;
    let b = REPLACE.bind(vm, &a)?;
    let old = b.str(vm, 0)?;
    let new = b.str(vm, 1)?;
    let count = b.ssize_or(vm, 2, -1)?;
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let out = if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1));
        let mut n = 0;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        out
    } else {
        strsearch::replacen(s, old, new, max)
    };
    Ok(vm.new_string(out))
}

/// `str.find(self, sub[, start[, end]])` and the others searching a window (their
/// names for messages: PyArg_ParseTuple's wording).
pub(crate) const SEARCH: [Sig<3>; 7] = {
    const fn s(name: &'static str) -> Sig<3> {
        Sig::new(name, ["sub", "start", "end"])
            .required(1)
            .style(Style::Tuple)
            .method()
    }
    [
        s("find"),
        s("rfind"),
        s("index"),
        s("rindex"),
        s("count"),
        s("startswith"),
        s("endswith"),
    ]
};

/// The search signature named `name`.
pub(crate) fn search_sig(name: &str) -> &'static Sig<3> {
    SEARCH.iter().find(|s| s.name == name).unwrap_or(&SEARCH[0])
}

/// The char-index window `[start:end]` of a method's optional bounds (parameters
/// 1 and 2 of a search signature).
fn window(
    vm: &mut Vm,
    b: &crate::builtins::signature::Bound<3>,
    len: usize,
) -> PyResult<(usize, usize, bool)> {
    let st = b.slice_bound(vm, 1)?;
    let en = b.slice_bound(vm, 2)?;
    // A start past the end makes even the empty string unfindable.
    let past = st.is_some_and(|s| s > len as i64);
    let (s, e) = adjust_bounds(len, st, en);
    Ok((s, e, past))
}

fn find(vm: &mut Vm, a: Args, right: bool, raise: bool, name: &str) -> PyResult<Value> {
    let (_, s) = this(vm, &a, name)?;
    let b = search_sig(name).bind(vm, &a)?;
    let sub = str_arg(vm, b.req(0), "")?;
    let t = Text::new(s);
    let (st, en, past) = window(vm, &b, t.len)?;
    let mut r: i64 = -1;
    if !past && st <= en {
        let (bs, be) = (t.byte(st), t.byte(en));
        let hay = &s[bs..be];
        let found = if right {
            strsearch::rfind(hay, sub)
        } else {
            strsearch::find(hay, sub)
        };
        if let Some(k) = found {
            r = t.char_idx(bs + k) as i64;
        }
    }
    if r < 0 && raise {
        return Err(vm.value_error("substring not found"));
    }
    Ok(vm.new_int(r))
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "count")?;
    let b = search_sig("count").bind(vm, &a)?;
    let sub = str_arg(vm, b.req(0), "")?;
    let t = Text::new(s);
    let (st, en, past) = window(vm, &b, t.len)?;
    if past || st > en {
        return Ok(Value::small_int(0));
    }
    let hay = &s[t.byte(st)..t.byte(en)];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        strsearch::count(hay, sub)
    };
    Ok(vm.new_int(n as i64))
}

fn starts_ends(vm: &mut Vm, a: Args, ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    let (_, s) = this(vm, &a, name)?;
    let b = search_sig(name).bind(vm, &a)?;
    let t = Text::new(s);
    let (st, en, past) = window(vm, &b, t.len)?;
    let p = b.req(0);
    let cands: Vec<Value> = match p.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(_)) => vec![p],
        Some(ObjData::Tuple(items)) => items.to_vec(),
        _ => {
            return Err(vm.type_error(&format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(p)
            )));
        }
    };
    if past || st > en {
        return Ok(Value::FALSE);
    }
    let hay = &s[t.byte(st)..t.byte(en)];
    for c in cands {
        let Some(c) = as_str(c) else {
            return Err(vm.type_error(&format!(
                "tuple for {name} must only contain str, not {}",
                vm.type_name(c)
            )));
        };
        if (ends && hay.ends_with(c)) || (!ends && hay.starts_with(c)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `str.center(self, width, fillchar=' ', /)`, ljust, rjust.
pub(crate) const JUSTIFY: [Sig<2>; 3] = [
    Sig::new("center", ["width", "fillchar"])
        .required(1)
        .method(),
    Sig::new("ljust", ["width", "fillchar"])
        .required(1)
        .method(),
    Sig::new("rjust", ["width", "fillchar"])
        .required(1)
        .method(),
];

fn justify(vm: &mut Vm, a: Args, how: char, name: &str) -> PyResult<Value> {
    let (v, s) = this(vm, &a, name)?;
    let sig = match how {
        '^' => &JUSTIFY[0],
        '<' => &JUSTIFY[1],
        _ => &JUSTIFY[2],
    };
    let b = sig.bind(vm, &a)?;
    let width = b.ssize(vm, 0)?;
    let fill = match b.get(1) {
        Some(f) => {
            let Some(fs) = as_str(f) else {
                return Err(vm.type_error(&format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(f)
                )));
            };
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
        None => ' ',
    };
    let len = s.chars().count() as i64;
    if width <= len {
        if vm.type_of(v) == vm.types.str {
            return Ok(v);
        }
        return Ok(vm.new_str(s));
    }
    vm.check_alloc(width as u128, fill.len_utf8())?;
    let marg = (width - len) as usize;
    let (l, r) = match how {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            let l = marg / 2 + (marg & width as usize & 1);
            (l, marg - l)
        }
    };
    let mut out = String::with_capacity(s.len() + marg);
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(vm.new_string(out))
}

/// `str.zfill(self, width, /)`
pub(crate) const ZFILL: Sig<1> = Sig::new("zfill", ["width"]).method();

fn zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "zfill")?;
    let width = ZFILL.bind(vm, &a)?.ssize(vm, 0)?;
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(vm.new_str(s));
    }
    vm.check_alloc(width as u128, 1)?;
    let fill = "0".repeat((width - len) as usize);
    let out = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{fill}{}", &s[..1], &s[1..])
    } else {
        format!("{fill}{s}")
    };
    Ok(vm.new_string(out))
}

/// `str.partition(self, sep, /)`, rpartition.
pub(crate) const PARTITION: [Sig<1>; 2] = [
    Sig::new("partition", ["sep"]).method(),
    Sig::new("rpartition", ["sep"]).method(),
];

fn partition(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let (_, s) = this(vm, &a, name)?;
    let sep = PARTITION[right as usize].bind(vm, &a)?.req(0);
    let sep = str_arg(vm, sep, "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if right {
        strsearch::rfind(s, sep)
    } else {
        strsearch::find(s, sep)
    };
    let (x, y, z) = match found {
        Some(k) => (&s[..k], sep, &s[k + sep.len()..]),
        None if right => ("", "", s),
        None => (s, "", ""),
    };
    let items = vec![vm.new_str(x), vm.new_str(y), vm.new_str(z)];
    Ok(vm.new_tuple(items))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.splitlines(self, /, keepends=False)`
pub(crate) const SPLITLINES: Sig<1> = Sig::new("splitlines", ["keepends"])
    .posonly(0)
    .required(0)
    .method();

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "splitlines")?;
    let b = SPLITLINES.bind(vm, &a)?;
    let keep = match b.get(0) {
        Some(k) => crate::builtins::signature::to_c_int(vm, k)? != 0,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|(_, n)| *n == '\n') {
                it.next();
                end += 1;
            }
            out.push(if keep { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    let items: Vec<Value> = out.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

/// `str.expandtabs(self, /, tabsize=8)`
pub(crate) const EXPANDTABS: Sig<1> = Sig::new("expandtabs", ["tabsize"])
    .posonly(0)
    .required(0)
    .method();

fn expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "expandtabs")?;
    let b = EXPANDTABS.bind(vm, &a)?;
    let ts = match b.get(0) {
        Some(t) => crate::builtins::signature::to_c_int(vm, t)? as i64,
        None => 8,
    };
    let tabs = s.bytes().filter(|&b| b == b'\t').count() as u128;
    vm.check_alloc(tabs * ts.max(0) as u128 + s.len() as u128, 1)?;
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

/// `str.encode(self, /, encoding='utf-8', errors='strict')`
const ENCODE: Sig<2> = Sig::new("encode", ["encoding", "errors"])
    .posonly(0)
    .required(0)
    .method();

fn encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "encode")?;
    let b = ENCODE.bind(vm, &a)?;
    let enc = b.str_or(vm, 0, "utf-8")?;
    let errors = b.str_or(vm, 1, "strict")?;
    let b = crate::builtins::bytes::encode(vm, s, enc, errors)?;
    Ok(vm.new_bytes(b))
}

/// `str.removesuffix(self, suffix, /)`, removeprefix.
pub(crate) const AFFIX: [Sig<1>; 2] = [
    Sig::new("removesuffix", ["suffix"]).method(),
    Sig::new("removeprefix", ["prefix"]).method(),
];

fn remove_affix(vm: &mut Vm, a: Args, prefix: bool) -> PyResult<Value> {
    let name = if prefix {
        "removeprefix"
    } else {
        "removesuffix"
    };
    let (_, s) = this(vm, &a, name)?;
    let x = AFFIX[prefix as usize].bind(vm, &a)?.req(0);
    let x = str_arg(vm, x, &format!("{name}() argument "))?;
    let out = if prefix {
        s.strip_prefix(x).unwrap_or(s)
    } else {
        s.strip_suffix(x).unwrap_or(s)
    };
    Ok(vm.new_str(out))
}

/// `str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)`, a static method.
const MAKETRANS: Sig<3> = Sig::new("maketrans", ["x", "y", "z"])
    .required(1)
    .owner("str");

fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = MAKETRANS.bind(vm, &a)?;
    let d = vm.new_dict();
    vm.temp_roots.push(d);
    let r = (|| {
        let Some(y) = b.get(1) else {
            let m = b.req(0);
            if !matches!(m.as_obj().map(|o| &o.data), Some(ObjData::Dict(_))) {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            }
            let ObjData::Dict(dd) = &m.obj().data else {
                unreachable!()
            };
            let entries: Vec<(Value, Value)> = dd.get().iter().map(|e| (e.key, e.value)).collect();
            for (k, v) in entries {
                let key = match as_str(k) {
                    Some(ks) => {
                        let mut it = ks.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => Value::small_int(c as i64),
                            _ => {
                                return Err(vm.value_error(
                                    "string keys in translate table must be of length 1",
                                ));
                            }
                        }
                    }
                    None if vm.is_int(k) => k,
                    None => {
                        return Err(
                            vm.type_error("keys in translate table must be strings or integers")
                        );
                    }
                };
                vm.dict_set(d, key, v)?;
            }
            return Ok(d);
        };
        if !vm.is_str(b.req(0)) {
            return Err(vm.type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        }
        let x = str_arg(vm, b.req(0), "maketrans() argument 1 ")?;
        let y = str_arg(vm, y, "maketrans() argument 2 ")?;
        let xs: Vec<char> = x.chars().collect();
        let ys: Vec<char> = y.chars().collect();
        if xs.len() != ys.len() {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for (c, t) in xs.iter().zip(ys.iter()) {
            let tv = Value::small_int(*t as i64);
            vm.dict_set(d, Value::small_int(*c as i64), tv)?;
        }
        if let Some(z) = b.get(2) {
            let z = str_arg(vm, z, "maketrans() argument 3 ")?;
            for c in z.chars() {
                vm.dict_set(d, Value::small_int(c as i64), Value::NONE)?;
            }
        }
        Ok(d)
    })();
    vm.temp_roots.pop();
    r
}

/// The slot methods of one argument, whose arity the call path checks.
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

/// `str.translate(self, table, /)`
const TRANSLATE: Sig<1> = Sig::new("translate", ["table"]).method();

fn translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "translate")?;
    let table = TRANSLATE.bind(vm, &a)?.req(0);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::small_int(c as i64);
        let r = match vm.getitem(table, key) {
            Ok(v) => Some(v),
            Err(e) if vm.matches(e.0, "LookupError") => None,
            Err(e) => return Err(e),
        };
        match r {
            None => out.push(c),
            Some(v) if v.is_none() => {}
            Some(v) => {
                if let Some(t) = as_str(v) {
                    out.push_str(t);
                } else if let Some(i) = vm.to_i64(v) {
                    match u32::try_from(i).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(
                                vm.value_error("character mapping must be in range(0x110000)")
                            );
                        }
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, s) = this(vm, &a, "__mul__")?;
    let count = ONE.bind(vm, &a)?.req(0);
    if !vm.is_intlike(count) && vm.dunder(count, "__index__").is_none() {
        return Ok(vm.not_implemented);
    }
    let plain = vm.new_str(s);
    vm.binary_op(BinOp::Mul, plain, count)
}

fn str_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let (_, s) = this(vm, &a, op.dunder())?;
    let other = ONE.bind(vm, &a)?.req(0);
    let Some(o) = as_str(other) else {
        return Ok(vm.not_implemented);
    };
    let ord = s.cmp(o);
    use std::cmp::Ordering::*;
    Ok(Value::bool(match op {
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings() {
        assert_eq!(py_lower("ΣΑΣ ΟΔΟΣ"), "σας οδος");
        assert_eq!(py_title("they're bill's"), "They'Re Bill'S");
        assert_eq!(py_title("ǆemal ﬃ"), "ǅemal Ffi");
        assert_eq!(py_casefold("Straße"), "strasse");
        assert_eq!(py_swapcase("ß"), "SS");
    }

    #[test]
    fn whitespace_split() {
        assert_eq!(
            split_whitespace("  a  b c   d  ", 2, false),
            vec!["a", "b", "c   d  "]
        );
        assert_eq!(
            split_whitespace("  a  b c   d  ", 2, true),
            vec!["  a  b", "c", "d"]
        );
    }
}
