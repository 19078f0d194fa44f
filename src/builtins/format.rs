//! Formatting: `format(value, spec)` with the format-spec mini-language, `str % args`,
//! and `str.format`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::signature::Sig;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::num::float_repr;
use crate::vm::{Args, PyResult, Vm, str_of};

// ---- the format-spec mini-language -------------------------------------------------

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: char,
    /// A sign was written (`-` too, which `sign` cannot tell from none: a
    /// str's spec rejects it).
    pub sign_given: bool,
    pub z: bool,
    pub alt: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Spec {
    pub fn empty() -> Spec {
        Spec {
            fill: ' ',
            align: None,
            sign: '-',
            sign_given: false,
            z: false,
            alt: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parses a spec; `default_align` is `>` for numbers and `<` for strings. Errors are
/// ValueError messages.
pub fn parse_spec(spec: &str, type_name: &str, numeric: bool) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::empty();
    let mut i = 0;
    let mut fill_given = false;
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = c[0];
        s.align = Some(c[1]);
        fill_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = c[i];
        s.sign_given = true;
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if !fill_given && i < c.len() && c[i] == '0' {
        s.fill = '0';
        if s.align.is_none() && numeric {
            s.align = Some('=');
        }
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        let w: String = c[st..i].iter().collect();
        s.width = w
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < c.len() && c[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if s.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && s.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        let p: String = c[st..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if c.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            return Err(format!("Cannot specify '{g}' with '{}'.", s.ty.unwrap()));
        }
    }
    Ok(s)
}

pub(crate) fn unknown_code(t: char, type_name: &str) -> String {
    if (t as u32) > 32 && (t as u32) < 128 {
        format!("Unknown format code '{t}' for object of type '{type_name}'")
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            t as u32
        )
    }
}

/// Pads `s` (of `len` chars) to the spec's width with the given default alignment.
pub(crate) fn pad(s: &str, spec: &Spec, default_align: char) -> String {
    let len = s.chars().count();
    if len >= spec.width {
        return s.to_string();
    }
    let n = spec.width - len;
    let fill = |k: usize| std::iter::repeat_n(spec.fill, k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{s}{}", fill(n)),
        '^' => format!("{}{s}{}", fill(n / 2), fill(n - n / 2)),
        _ => format!("{}{s}", fill(n)),
    }
}

/// Inserts `sep` every `every` digits from the right; with `min_width`, zero-pads the
/// digits (separators included) to at least that many chars.
fn group_digits(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut d: Vec<char> = digits.chars().collect();
    let grouped_len = |n: usize| if n == 0 { 0 } else { n + (n - 1) / every };
    while grouped_len(d.len()) < min_width {
        d.insert(0, '0');
    }
    let n = d.len();
    let mut out = String::with_capacity(n + n / every);
    for (k, ch) in d.iter().enumerate() {
        if k > 0 && (n - k).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Assembles a formatted number: sign, prefix (`0x`), integer digits (grouped), and
/// the rest (fraction, exponent, `%`), then pads.
fn finish_number(neg: bool, prefix: &str, digits: &str, rest: &str, spec: &Spec) -> String {
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    };
    let align = spec.align.unwrap_or('>');
    let fixed_len = sign.len() + prefix.chars().count() + rest.chars().count();
    let grouped;
    let body: &str = match spec.grouping {
        Some(g) => {
            let every = if matches!(spec.ty, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            };
            let min = if spec.fill == '0' && align == '=' {
                spec.width.saturating_sub(fixed_len)
            } else {
                0
            };
            grouped = group_digits(digits, g, every, min);
            &grouped
        }
        None => digits,
    };
    let total = fixed_len + body.chars().count();
    let mut out = String::with_capacity(total.max(spec.width) + 4);
    if align == '=' && total < spec.width {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n(spec.fill, spec.width - total));
        out.push_str(body);
        out.push_str(rest);
        return out;
    }
    if total >= spec.width {
        // (nothing to pad: one allocation, the result)
        for part in [sign, prefix, body, rest] {
            out.push_str(part);
        }
        return out;
    }
    pad(&format!("{sign}{prefix}{body}{rest}"), spec, '>')
}

// ---- ints ----

/// An int to format: one that fits a machine word is formatted without
/// making a BigInt (`f"{minute:02d}"` made three allocations for it).
#[derive(Clone, Copy)]
pub enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn to_i64(self) -> Option<i64> {
        match self {
            IntArg::Small(n) => Some(n),
            IntArg::Big(b) => b.to_i64(),
        }
    }

    /// The absolute value's digits in `radix` (2, 8, 10 or 16), lowercase.
    fn abs_digits(self, radix: u32) -> String {
        match self {
            IntArg::Small(n) => {
                let a = n.unsigned_abs();
                match radix {
                    2 => format!("{a:b}"),
                    8 => format!("{a:o}"),
                    16 => format!("{a:x}"),
                    _ => a.to_string(),
                }
            }
            IntArg::Big(b) => b.abs().to_str_radix(radix),
        }
    }

    fn is_negative(self) -> bool {
        match self {
            IntArg::Small(n) => n < 0,
            IntArg::Big(b) => b.is_negative(),
        }
    }
}

pub fn format_int(vm: &mut Vm, i: IntArg, spec: &Spec, type_name: &str) -> PyResult<String> {
    let t = spec.ty.unwrap_or('d');
    match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = match i {
                IntArg::Small(n) => n as f64,
                IntArg::Big(b) => vm.int_to_float(b)?,
            };
            return format_float(vm, f, spec, type_name);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(vm.value_error(&unknown_code(t, type_name))),
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if spec.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in integer format specifier")
        );
    }
    if t == 'c' {
        if spec.sign != '-' {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alt {
            return Err(vm.value_error(
                "Alternate form (#) is not allowed with integer format specifier 'c'",
            ));
        }
        let Some(n) = i.to_i64() else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        let ch = u32::try_from(n).ok().and_then(char::from_u32);
        let Some(ch) = ch else {
            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
        };
        return Ok(finish_number(false, "", "", &ch.to_string(), spec));
    }
    let (radix, prefix) = match t {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = match i {
        IntArg::Big(b) if radix == 10 => {
            let t = crate::builtins::numbers::decimal_text(vm, b)?;
            t.trim_start_matches('-').to_string()
        }
        _ => i.abs_digits(radix),
    };
    if t == 'X' {
        digits = digits.to_uppercase();
    }
    let prefix = if spec.alt { prefix } else { "" };
    Ok(finish_number(i.is_negative(), prefix, &digits, "", spec))
}

// ---- floats ----

/// `{:.p e}` reshaped to Python's form: mantissa digits and a decimal exponent.
/// Digits past this many after the point are zeros in any f64's exact decimal
/// expansion; Rust's formatter takes at most 65535 of them.
const EXACT_DIGITS: usize = 1100;

fn sci_parts(x: f64, p: usize) -> (String, i32) {
    let s = format!("{:.*e}", p.min(EXACT_DIGITS), x);
    let (m, e) = s.split_once('e').unwrap();
    let mut m = m.to_string();
    m.extend(std::iter::repeat_n('0', p.saturating_sub(EXACT_DIGITS)));
    (m, e.parse().unwrap())
}

/// `x` with `prec` digits after the point, for any precision.
fn fixed(x: f64, prec: usize) -> String {
    let mut s = format!("{:.*}", prec.min(EXACT_DIGITS), x);
    s.extend(std::iter::repeat_n('0', prec.saturating_sub(EXACT_DIGITS)));
    s
}

fn exp_str(e: i32) -> String {
    if e < 0 {
        format!("e-{:02}", -e)
    } else {
        format!("e+{e:02}")
    }
}

/// Formats a finite non-negative float per type (`e f g r`), returning the text
/// without sign. `add_dot_0` appends ".0" to integral fixed results (the empty type).
fn float_body(x: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool) -> String {
    match ty {
        'f' => {
            let mut s = fixed(x, prec);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let (mut m, e) = sci_parts(x, prec);
            if alt && prec == 0 {
                m.push('.');
            }
            format!("{m}{}", exp_str(e))
        }
        'g' => {
            let p = prec.max(1);
            let (_, e) = sci_parts(x, p - 1);
            // The empty type switches to exponent form one digit earlier, so a
            // fixed result always has a digit after the point.
            let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
            let mut s = if -4 <= e && (e as i64) < limit {
                fixed(x, (p as i64 - 1 - e as i64) as usize)
            } else {
                let (m, e2) = sci_parts(x, p - 1);
                format!("{m}e{e2}")
            };
            // Split off the exponent to strip trailing zeros from the mantissa.
            let (mant, exp) = match s.find('e') {
                Some(k) => (s[..k].to_string(), Some(s[k + 1..].parse::<i32>().unwrap())),
                None => (s.clone(), None),
            };
            let mut mant = mant;
            if !alt {
                if mant.contains('.') {
                    while mant.ends_with('0') {
                        mant.pop();
                    }
                    if mant.ends_with('.') {
                        mant.pop();
                    }
                }
            } else if !mant.contains('.') {
                mant.push('.');
            }
            if add_dot_0 && exp.is_none() && !mant.contains('.') {
                mant.push_str(".0");
            }
            s = match exp {
                Some(e) => format!("{mant}{}", exp_str(e)),
                None => mant,
            };
            s
        }
        _ => {
            // repr
            let r = float_repr(x);
            if alt && !r.contains('.') {
                match r.find('e') {
                    Some(k) => format!("{}.{}", &r[..k], &r[k..]),
                    None => format!("{r}."),
                }
            } else {
                r
            }
        }
    }
}

pub fn format_float(vm: &mut Vm, x: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let t = spec.ty;
    let (ty, upper, pct, add_dot_0) = match t {
        None => (
            if spec.precision.is_some() { 'g' } else { 'r' },
            false,
            false,
            true,
        ),
        Some('e') => ('e', false, false, false),
        Some('E') => ('e', true, false, false),
        Some('f') => ('f', false, false, false),
        Some('F') => ('f', true, false, false),
        Some('g') | Some('n') => ('g', false, false, false),
        Some('G') => ('g', true, false, false),
        Some('%') => ('f', false, true, false),
        Some(c) => return Err(vm.value_error(&unknown_code(c, type_name))),
    };
    let prec = spec.precision.unwrap_or(6);
    Ok(float_to_string(x, ty, upper, pct, add_dot_0, prec, spec))
}

pub(crate) fn float_to_string(
    x: f64,
    ty: char,
    upper: bool,
    pct: bool,
    add_dot_0: bool,
    prec: usize,
    spec: &Spec,
) -> String {
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let mut body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        let v = if pct { x.abs() * 100.0 } else { x.abs() };
        float_body(v, ty, prec, spec.alt, add_dot_0)
    };
    if pct {
        body.push('%');
    }
    if upper {
        body = body.to_uppercase();
    }
    if neg && spec.z && x.is_finite() && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        neg = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    if x.is_finite() {
        finish_number(neg, "", digits, rest, spec)
    } else {
        // inf and nan are never zero-padded with grouping.
        let mut sp = spec.clone();
        sp.grouping = None;
        finish_number(neg, "", "", &body, &sp)
    }
}

// ---- strs ----

pub fn format_str(vm: &mut Vm, s: &str, spec: &Spec, type_name: &str) -> PyResult<String> {
    // (CPython's order: the grouping when the spec is parsed, then the type,
    // sign, `z`, `#` and `=`)
    if let Some(g) = spec.grouping
        && spec.ty.is_none_or(|t| t == 's')
    {
        return Err(vm.value_error(&format!("Cannot specify '{g}' with 's'.")));
    }
    if let Some(t) = spec.ty
        && t != 's'
    {
        return Err(vm.value_error(&unknown_code(t, type_name)));
    }
    if spec.sign == ' ' {
        return Err(vm.value_error("Space not allowed in string format specifier"));
    }
    if spec.sign_given {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if spec.z {
        return Err(
            vm.value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if spec.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let s: std::borrow::Cow<str> = match spec.precision {
        Some(p) => s.chars().take(p).collect::<String>().into(),
        None => s.into(),
    };
    Ok(pad(&s, spec, '<'))
}

pub(crate) fn spec_for(vm: &mut Vm, spec: &str, type_name: &str, numeric: bool) -> PyResult<Spec> {
    let sp = parse_spec(spec, type_name, numeric).map_err(|m| vm.value_error(&m))?;
    check_spec_sizes(vm, sp.width, sp.precision)?;
    Ok(sp)
}

/// A precision beyond CPython's C int is "too big" (ValueError); a width or
/// precision whose result could not be allocated is a MemoryError (the result is
/// at least that long).
fn check_spec_sizes(vm: &mut Vm, width: usize, precision: Option<usize>) -> PyResult<()> {
    if precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    vm.check_alloc(width.max(precision.unwrap_or(0)) as u128, 1)
}

/// `format(v, spec)`: dispatches to `__format__` for user types, else formats
/// built-in values per the mini-language.
pub fn format_value(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Value> {
    if let Some(s) = format_builtin(vm, v, spec)? {
        return Ok(vm.new_string(s));
    }
    let sv = vm.new_str(spec);
    match vm.call_dunder(v, "__format__", &[sv])? {
        Some(r) if vm.is_str(r) => Ok(r),
        Some(r) => Err(vm.type_error(&format!(
            "__format__ must return a str, not {}",
            vm.type_name(r)
        ))),
        None => Err(vm.type_error(&format!(
            "Type {} doesn't define __format__",
            vm.type_name(v)
        ))),
    }
}

/// Formats ints, floats, bools and strs of the exact built-in types; None otherwise.
pub fn format_builtin(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Option<String>> {
    if v.is_small_int() {
        if spec.is_empty() {
            return Ok(Some(v.as_small_int().to_string()));
        }
        let sp = spec_for(vm, spec, "int", true)?;
        return format_int(vm, IntArg::Small(v.as_small_int()), &sp, "int").map(Some);
    }
    if v.is_float() {
        let sp = spec_for(vm, spec, "float", true)?;
        return format_float(vm, v.as_float(), &sp, "float").map(Some);
    }
    if v.is_bool() {
        if spec.is_empty() {
            return Ok(Some(if v == Value::TRUE { "True" } else { "False" }.into()));
        }
        let sp = spec_for(vm, spec, "bool", true)?;
        return format_int(vm, IntArg::Small((v == Value::TRUE) as i64), &sp, "bool").map(Some);
    }
    if let Some(o) = v.as_obj() {
        let exact = vm.is_builtin_exact(v);
        match &o.data {
            ObjData::BigInt(b) if exact => {
                let sp = spec_for(vm, spec, "int", true)?;
                return format_int(vm, IntArg::Big(b), &sp, "int").map(Some);
            }
            ObjData::Str(s) if exact => {
                if spec.is_empty() {
                    return Ok(Some(s.s.to_string()));
                }
                let sp = spec_for(vm, spec, "str", false)?;
                return format_str(vm, &s.s, &sp, "str").map(Some);
            }
            _ => {}
        }
    }
    Ok(None)
}

/// `__format__` natives for int, float, bool and str (so subclasses and explicit
/// `int.__format__(x, spec)` calls work).
fn dunder_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `__format__(self, format_spec, /)` (the call path checks its arity too:
    /// `int.__format__() takes exactly one argument (0 given)`)
    const FORMAT: Sig<1> = Sig::new("__format__", ["format_spec"]).method();
    let b = FORMAT.bind(vm, &a)?;
    let (v, spec_v) = (b.recv, b.req(0));
    if !vm.is_str(spec_v) {
        return Err(vm.type_error(&format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec_v)
        )));
    }
    let spec = str_of(spec_v);
    if let Some(s) = format_builtin(vm, v, spec)? {
        return Ok(vm.new_string(s));
    }
    let tn = vm.type_name(v);
    let p = crate::builtins::str::payload(v);
    if p.is_float() {
        let sp = spec_for(vm, spec, &tn, true)?;
        let s = format_float(vm, p.as_float(), &sp, &tn)?;
        return Ok(vm.new_string(s));
    }
    if p.is_small_int() || p.is_bool() {
        if spec.is_empty() {
            return vm.str(v);
        }
        let sp = spec_for(vm, spec, &tn, true)?;
        let n = if p.is_bool() {
            (p == Value::TRUE) as i64
        } else {
            p.as_small_int()
        };
        let s = format_int(vm, IntArg::Small(n), &sp, &tn)?;
        return Ok(vm.new_string(s));
    }
    if !p.is_obj() {
        return vm.str(v);
    }
    let s = match &p.obj().data {
        ObjData::Str(_) if spec.is_empty() => return vm.str(v),
        ObjData::Str(s) => {
            let sp = spec_for(vm, spec, &tn, false)?;
            format_str(vm, &s.s, &sp, &tn)?
        }
        ObjData::BigInt(_) if spec.is_empty() => return vm.str(v),
        ObjData::BigInt(b) => {
            let sp = spec_for(vm, spec, &tn, true)?;
            format_int(vm, IntArg::Big(b), &sp, &tn)?
        }
        _ => return vm.str(v),
    };
    Ok(vm.new_string(s))
}

// ---- `fmt % args` ------------------------------------------------------------------

/// `fmt % args`
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    // The right operand was popped off the stack: keep it alive while `__str__`s run.
    vm.temp_roots.extend([fmt, args]);
    let s = percent_core(vm, str_of(fmt), args, false);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    Ok(vm.new_string(s?))
}

/// `bytes % args`: the format is latin-1 decoded, run in bytes mode, and re-encoded.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let f: String = fmt.iter().map(|&b| b as char).collect();
    vm.temp_roots.push(args);
    let s = percent_core(vm, &f, args, true);
    vm.temp_roots.pop();
    let s = s?;
    Ok(s.chars().map(|c| c as u32 as u8).collect())
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&b| b as char).collect()
}

fn percent_core(vm: &mut Vm, fmt: &str, args: Value, bytes_mode: bool) -> PyResult<String> {
    // (the tuple is immutable and rooted by the caller: its items are read
    // in place)
    let one = [args];
    let (is_tuple, items): (bool, &[Value]) = match args.as_obj().map(|o| &o.data) {
        Some(ObjData::Tuple(t)) => (true, t),
        _ => (false, &one),
    };
    // A mapping argument (not a tuple or str) enables `%(name)s`.
    let is_mapping = !is_tuple
        && args.is_obj()
        && !matches!(
            args.obj().data,
            ObjData::Str(_) | ObjData::Bytes(_) | ObjData::ByteArray(_)
        )
        && (matches!(args.obj().data, ObjData::Dict(_) | ObjData::List(_))
            || vm.dunder(args, "__getitem__").is_some());
    // Scanned as bytes: every character of a conversion spec is ASCII, and
    // the text between specs is copied a run at a time (a Vec of chars per
    // call was a third of the cost of `"%d:%s" % (i, s)`).
    let chars = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut argi = 0usize;
    let mut used_mapping = false;
    let mut i = 0;
    let n = chars.len();
    let next_arg = |vm: &mut Vm, argi: &mut usize| -> PyResult<Value> {
        if *argi < items.len() {
            *argi += 1;
            Ok(items[*argi - 1])
        } else {
            Err(vm.type_error("not enough arguments for format string"))
        }
    };
    while i < n {
        if chars[i] != b'%' {
            let run = i;
            while i < n && chars[i] != b'%' {
                i += 1;
            }
            out.push_str(&fmt[run..i]);
            continue;
        }
        let start = i;
        i += 1;
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        // Mapping key.
        let mut arg: Option<Value> = None;
        if chars[i] == b'(' {
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < n && depth > 0 {
                if chars[i] == b'(' {
                    depth += 1;
                } else if chars[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = fmt[ks..i - 1].to_string();
            let kv = if bytes_mode {
                let b: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                vm.new_bytes(b)
            } else {
                vm.new_string(key)
            };
            arg = Some(vm.getitem(args, kv)?);
            used_mapping = true;
        }
        // Flags.
        let mut left = false;
        let mut plus = false;
        let mut space = false;
        let mut alt = false;
        let mut zero = false;
        while i < n {
            match chars[i] {
                b'-' => left = true,
                b'+' => plus = true,
                b' ' => space = true,
                b'#' => alt = true,
                b'0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < n && chars[i] == b'*' {
            let w = next_arg(vm, &mut argi)?;
            let Some(w) = vm.to_i64(w) else {
                return Err(vm.type_error("* wants int"));
            };
            if w < 0 {
                left = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && chars[i].is_ascii_digit() {
                width = width
                    .saturating_mul(10)
                    .saturating_add((chars[i] - b'0') as usize);
                i += 1;
            }
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < n && chars[i] == b'.' {
            i += 1;
            if i < n && chars[i] == b'*' {
                let p = next_arg(vm, &mut argi)?;
                let Some(p) = vm.to_i64(p) else {
                    return Err(vm.type_error("* wants int"));
                };
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    p = p
                        .saturating_mul(10)
                        .saturating_add((chars[i] - b'0') as usize);
                    i += 1;
                }
                prec = Some(p);
            }
        }
        check_spec_sizes(vm, width, prec)?;
        // Length modifiers are accepted and ignored.
        while i < n && matches!(chars[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = fmt[i..].chars().next().unwrap_or('%');
        let conv_at = i;
        i += conv.len_utf8();
        if conv == '%' {
            out.push('%');
            continue;
        }
        let _ = start;
        let v = match arg {
            Some(v) => v,
            None => {
                if !matches!(
                    conv,
                    's' | 'r'
                        | 'a'
                        | 'd'
                        | 'i'
                        | 'u'
                        | 'x'
                        | 'X'
                        | 'o'
                        | 'e'
                        | 'E'
                        | 'f'
                        | 'F'
                        | 'g'
                        | 'G'
                        | 'c'
                        | 'b'
                ) {
                    // CPython reports the bad character before consuming an argument.
                    return Err(bad_conv(vm, conv, fmt[..conv_at].chars().count()));
                }
                next_arg(vm, &mut argi)?
            }
        };
        // the common plain forms: `%d` of a small int, `%s` of an exact str
        let plain = width == 0 && prec.is_none() && !(left || plus || space || alt || zero);
        if plain && !bytes_mode {
            if matches!(conv, 'd' | 'i' | 'u') && v.is_small_int() {
                let mut buf = [0; 20];
                out.push_str(crate::builtins::numbers::i64_text(
                    v.as_small_int(),
                    &mut buf,
                ));
                continue;
            }
            if conv == 's'
                && matches!(v.as_obj().map(|o| &o.data), Some(ObjData::Str(_)))
                && vm.type_of(v) == vm.types.str
            {
                out.push_str(str_of(v));
                continue;
            }
        }
        let mut spec = Spec::empty();
        spec.width = width;
        spec.sign = if plus {
            '+'
        } else if space {
            ' '
        } else {
            '-'
        };
        spec.alt = alt;
        if left {
            spec.align = Some('<');
        } else if zero {
            spec.fill = '0';
            spec.align = Some('=');
        } else {
            spec.align = Some('>');
        }
        let piece = match conv {
            's' | 'r' | 'a' | 'b' => {
                let text = if bytes_mode {
                    match conv {
                        's' | 'b' => match v.as_obj().map(|o| &o.data) {
                            Some(ObjData::Bytes(b)) => latin1(b),
                            Some(ObjData::ByteArray(b)) => latin1(b.get()),
                            _ => {
                                if let Some(r) = vm.call_dunder(v, "__bytes__", &[])? {
                                    let b = vm.bytes_of(r)?;
                                    latin1(&b)
                                } else {
                                    return Err(vm.type_error(&format!(
                                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                        vm.type_name(v)
                                    )));
                                }
                            }
                        },
                        _ => {
                            let r = vm.ascii(v)?;
                            str_of(r).to_string()
                        }
                    }
                } else {
                    match conv {
                        's' => vm.str_string(v)?,
                        'r' => vm.repr_string(v)?,
                        'a' => {
                            let r = vm.ascii(v)?;
                            str_of(r).to_string()
                        }
                        _ => return Err(bad_conv(vm, conv, fmt[..conv_at].chars().count())),
                    }
                };
                let text: String = match prec {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                let mut sp = spec.clone();
                sp.fill = ' ';
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad(&text, &sp, '>')
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = match vm.to_num(v) {
                    Some(crate::vm::num::Num::Int(b)) => b,
                    Some(crate::vm::num::Num::Float(f)) if matches!(conv, 'd' | 'i' | 'u') => {
                        if !f.is_finite() {
                            let m = if f.is_nan() {
                                "cannot convert float NaN to integer"
                            } else {
                                "cannot convert float infinity to integer"
                            };
                            return Err(if f.is_nan() {
                                vm.value_error(m)
                            } else {
                                vm.overflow_error(m)
                            });
                        }
                        crate::vm::ops::bigint_from_f64(f.trunc())
                    }
                    _ => {
                        // %d converts with __int__ (like int()); %x and %o need __index__.
                        let got = if matches!(conv, 'd' | 'i' | 'u')
                            && vm.dunder(v, "__int__").is_some()
                        {
                            let r = vm.call_method(v, "__int__", &[])?;
                            vm.to_bigint(r)
                        } else if vm.dunder(v, "__index__").is_some() {
                            let r = vm.call_method(v, "__index__", &[])?;
                            vm.to_bigint(r)
                        } else {
                            None
                        };
                        match got {
                            Some(b) => b,
                            None => {
                                let msg = if matches!(conv, 'd' | 'i' | 'u') {
                                    format!(
                                        "%{conv} format: a real number is required, not {}",
                                        vm.type_name(v)
                                    )
                                } else {
                                    format!(
                                        "%{conv} format: an integer is required, not {}",
                                        vm.type_name(v)
                                    )
                                };
                                return Err(vm.type_error(&msg));
                            }
                        }
                    }
                };
                let (radix, prefix) = match conv {
                    'x' => (16, "0x"),
                    'X' => (16, "0X"),
                    'o' => (8, "0o"),
                    _ => (10, ""),
                };
                let mut digits = if radix == 10 {
                    crate::builtins::numbers::decimal_text(vm, &iv.abs())?
                } else {
                    iv.abs().to_str_radix(radix)
                };
                if conv == 'X' {
                    digits = digits.to_uppercase();
                }
                if let Some(p) = prec
                    && digits.len() < p
                {
                    digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                }
                finish_number(
                    iv.is_negative(),
                    if alt { prefix } else { "" },
                    &digits,
                    "",
                    &spec,
                )
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match vm.to_num(v) {
                    Some(crate::vm::num::Num::Float(f)) => f,
                    Some(crate::vm::num::Num::Int(b)) => vm.int_to_float(&b)?,
                    None => {
                        let r = if vm.dunder(v, "__float__").is_some() {
                            Some(vm.call_method(v, "__float__", &[])?)
                        } else {
                            None
                        };
                        match r {
                            Some(r) if r.is_float() => r.as_float(),
                            _ => {
                                return Err(vm.type_error(&format!(
                                    "must be real number, not {}",
                                    vm.type_name(v)
                                )));
                            }
                        }
                    }
                };
                let lower = conv.to_ascii_lowercase();
                float_to_string(
                    f,
                    lower,
                    conv.is_ascii_uppercase(),
                    false,
                    false,
                    prec.unwrap_or(6),
                    &spec,
                )
            }
            'c' => {
                let ch: String = if bytes_mode {
                    match v.as_obj().map(|o| &o.data) {
                        Some(ObjData::Bytes(b)) if b.len() == 1 => latin1(b),
                        Some(ObjData::ByteArray(b)) if b.get().len() == 1 => latin1(b.get()),
                        _ => match vm.to_i64(v) {
                            Some(x) if (0..256).contains(&x) => (x as u8 as char).to_string(),
                            Some(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                            None => {
                                return Err(vm.type_error(
                                    "%c requires an integer in range(256) or a single byte",
                                ));
                            }
                        },
                    }
                } else if vm.is_str(v) {
                    let s = str_of(v);
                    if s.chars().count() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s.to_string()
                } else {
                    match vm.to_i64(v) {
                        Some(x) => match u32::try_from(x).ok().and_then(char::from_u32) {
                            Some(c) => c.to_string(),
                            None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                        },
                        None => return Err(vm.type_error("%c requires int or char")),
                    }
                };
                let mut sp = spec.clone();
                sp.fill = ' ';
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad(&ch, &sp, '>')
            }
            _ => return Err(bad_conv(vm, conv, fmt[..conv_at].chars().count())),
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !is_mapping && !used_mapping {
        return Err(vm.type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn bad_conv(vm: &mut Vm, c: char, idx: usize) -> crate::vm::PyErr {
    // (CPython shows only printable ASCII as itself)
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    vm.value_error(&format!(
        "unsupported format character '{shown}' (0x{:x}) at index {idx}",
        c as u32
    ))
}

// ---- str.format -----------------------------------------------------------------

enum Kw<'a> {
    Slice(&'a [(Value, Value)]),
    Map(Value),
}

struct Fmt<'a> {
    args: &'a [Value],
    kw: Kw<'a>,
    /// Next automatic index; None once manual numbering was used.
    auto: Option<usize>,
    manual: bool,
}

fn str_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `str.format(self, /, *args, **kwargs)`
    const FORMAT: Sig<0> = Sig::new("format", []).method().varargs().varkw();
    let b = FORMAT.bind(vm, &a)?;
    let s = b.recv;
    if !vm.is_str(s) {
        return Err(
            vm.type_error("descriptor 'format' for 'str' objects doesn't apply to this object")
        );
    }
    let mut f = Fmt {
        args: b.rest,
        kw: Kw::Slice(&b.kwrest),
        auto: Some(0),
        manual: false,
    };
    let out = f.run(vm, str_of(s), 2)?;
    Ok(vm.new_string(out))
}

fn str_format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `str.format_map(self, mapping, /)`
    const FORMAT_MAP: Sig<1> = Sig::new("format_map", ["mapping"]).method();
    let b = FORMAT_MAP.bind(vm, &a)?;
    let s = b.recv;
    let mut f = Fmt {
        args: &[],
        kw: Kw::Map(b.req(0)),
        auto: Some(0),
        manual: false,
    };
    let out = f.run(vm, str_of(s), 2)?;
    Ok(vm.new_string(out))
}

/// One replacement field of a format string: name, conversion, spec.
pub struct Field {
    pub name: String,
    pub conv: Option<char>,
    pub spec: String,
}

/// Parses the replacement field that starts after the `{` at `c[i]`, as CPython's
/// MarkupIterator and parse_field do; returns it and the index after its `}`.
pub fn parse_field(c: &[char], mut i: usize) -> Result<(Field, usize), &'static str> {
    let n = c.len();
    let st = i;
    // the field name: up to '}', ':' or '!'; `[...]` may hold any of those
    let mut stop = None;
    while i < n {
        let ch = c[i];
        i += 1;
        match ch {
            '{' => return Err("unexpected '{' in field name"),
            '[' => {
                while i < n && c[i] != ']' {
                    i += 1;
                }
            }
            '}' | ':' | '!' => {
                stop = Some(ch);
                break;
            }
            _ => {}
        }
    }
    let Some(mut stop) = stop else {
        return Err("expected '}' before end of string");
    };
    let name: String = c[st..i - 1].iter().collect();
    let mut conv = None;
    if stop == '!' {
        if i >= n {
            return Err("end of string while looking for conversion specifier");
        }
        conv = Some(c[i]);
        i += 1;
        if i >= n {
            return Err("unmatched '{' in format spec");
        }
        stop = c[i];
        i += 1;
        if stop != '}' && stop != ':' {
            return Err("expected ':' after conversion specifier");
        }
    }
    let mut spec = String::new();
    if stop == ':' {
        let sst = i;
        let mut count = 1;
        loop {
            if i >= n {
                return Err("unmatched '{' in format spec");
            }
            match c[i] {
                '{' => count += 1,
                '}' => {
                    count -= 1;
                    if count == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        spec = c[sst..i].iter().collect();
        i += 1;
    }
    Ok((Field { name, conv, spec }, i))
}

/// One piece of a format string: the literal text before it and the field, if any.
pub type Piece = (String, Option<Field>);

/// Splits a format string into pieces as `_string.formatter_parser` yields them:
/// an escaped brace ends a literal piece. On an error, the pieces before it and
/// the message.
pub fn parse_format(s: &str) -> (Vec<Piece>, Option<&'static str>) {
    let c: Vec<char> = s.chars().collect();
    let n = c.len();
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        let ch = c[i];
        if ch == '}' || ch == '{' {
            if i + 1 < n && c[i + 1] == ch {
                lit.push(ch);
                out.push((std::mem::take(&mut lit), None));
                i += 2;
                continue;
            }
            if ch == '}' {
                return (out, Some("Single '}' encountered in format string"));
            }
            if i + 1 >= n {
                return (out, Some("Single '{' encountered in format string"));
            }
            match parse_field(&c, i + 1) {
                Ok((f, j)) => {
                    out.push((std::mem::take(&mut lit), Some(f)));
                    i = j;
                }
                Err(e) => return (out, Some(e)),
            }
            continue;
        }
        lit.push(ch);
        i += 1;
    }
    if !lit.is_empty() {
        out.push((lit, None));
    }
    (out, None)
}

impl Fmt<'_> {
    fn run(&mut self, vm: &mut Vm, s: &str, depth: i32) -> PyResult<String> {
        if depth < 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let c: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        let n = c.len();
        while i < n {
            let ch = c[i];
            if ch == '}' {
                if i + 1 < n && c[i + 1] == '}' {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            if ch != '{' {
                out.push(ch);
                i += 1;
                continue;
            }
            if i + 1 < n && c[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            if i + 1 >= n {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let (field, j) = parse_field(&c, i + 1).map_err(|e| vm.value_error(e))?;
            i = j;
            let piece = self.field(vm, field, depth)?;
            out.push_str(&piece);
        }
        Ok(out)
    }

    fn field(&mut self, vm: &mut Vm, field: Field, depth: i32) -> PyResult<String> {
        let Field { name, conv, spec } = field;
        let v = self.lookup(vm, &name)?;
        vm.temp_roots.push(v);
        let r = (|| {
            let v = match conv {
                None => v,
                Some('r') => vm.repr(v)?,
                Some('s') => vm.str(v)?,
                Some('a') => vm.ascii(v)?,
                Some(c) => return Err(vm.value_error(&format!("Unknown conversion specifier {c}"))),
            };
            vm.temp_roots.push(v);
            let spec = if spec.contains('{') {
                self.run(vm, &spec, depth - 1)?
            } else {
                spec
            };
            let r = format_value(vm, v, &spec);
            vm.temp_roots.pop();
            let r = r?;
            Ok(str_of(r).to_string())
        })();
        vm.temp_roots.pop();
        r
    }

    fn lookup(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..end];
        let mut v = if first.is_empty() {
            if self.manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let idx = self.auto.unwrap_or(0);
            self.auto = Some(idx + 1);
            self.positional(vm, idx)?
        } else if first.bytes().all(|b| b.is_ascii_digit()) {
            if self.auto.is_some_and(|a| a > 0) {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.manual = true;
            self.auto = None;
            let idx: usize = first
                .parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?;
            self.positional(vm, idx)?
        } else {
            match &self.kw {
                Kw::Slice(kw) => match kw.iter().find(|(k, _)| str_of(*k) == first) {
                    Some((_, v)) => *v,
                    None => {
                        let k = vm.new_str(first);
                        return Err(vm.key_error(k));
                    }
                },
                Kw::Map(m) => {
                    let m = *m;
                    let k = vm.new_str(first);
                    vm.getitem(m, k)?
                }
            }
        };
        // Attribute and index accessors.
        let rest: Vec<char> = name[end..].chars().collect();
        let mut i = 0;
        while i < rest.len() {
            if rest[i] == '.' {
                let st = i + 1;
                i = st;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                let attr: String = rest[st..i].iter().collect();
                if attr.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let a = vm.intern(&attr);
                vm.temp_roots.push(v);
                let r = vm.getattr(v, a);
                vm.temp_roots.pop();
                v = r?;
            } else if rest[i] == '[' {
                let st = i + 1;
                i = st;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key: String = rest[st..i].iter().collect();
                i += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let kv = if key.bytes().all(|b| b.is_ascii_digit()) {
                    match key.parse::<i64>() {
                        Ok(n) => vm.new_int(n),
                        Err(_) => vm.new_string(key),
                    }
                } else {
                    vm.new_string(key)
                };
                vm.temp_roots.push(v);
                let r = vm.getitem(v, kv);
                vm.temp_roots.pop();
                v = r?;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            } else {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        }
        Ok(v)
    }

    fn positional(&self, vm: &mut Vm, idx: usize) -> PyResult<Value> {
        match self.args.get(idx) {
            Some(v) => Ok(*v),
            None => Err(vm.index_error(&format!(
                "Replacement index {idx} out of range for positional args tuple"
            ))),
        }
    }
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.str;
    vm.add_method(t, "format", str_format);
    vm.add_method(t, "format_map", str_format_map);
    for t in [vm.types.int, vm.types.float, vm.types.str, vm.types.bool] {
        vm.add_method(t, "__format__", dunder_format);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ff(x: f64, spec: &str) -> String {
        let sp = parse_spec(spec, "float", true).unwrap();
        let t = sp.ty;
        let (ty, upper, pct, add) = match t {
            None => (
                if sp.precision.is_some() { 'g' } else { 'r' },
                false,
                false,
                true,
            ),
            Some('%') => ('f', false, true, false),
            Some(c) => (c.to_ascii_lowercase(), c.is_ascii_uppercase(), false, false),
        };
        float_to_string(x, ty, upper, pct, add, sp.precision.unwrap_or(6), &sp)
    }

    #[test]
    fn float_specs_match_cpython() {
        let cases = [
            (std::f64::consts::PI, ".2f", "3.14"),
            (std::f64::consts::PI, "10.3f", "     3.142"),
            (std::f64::consts::PI, "e", "3.141593e+00"),
            (12345.678, ".3e", "1.235e+04"),
            (1e-5, "g", "1e-05"),
            (1e16, "g", "1e+16"),
            (123456789.0, "g", "1.23457e+08"),
            (0.5, "%", "50.000000%"),
            (1234567.891, ",", "1,234,567.891"),
            (1234567.891, "_.1f", "1_234_567.9"),
            (-std::f64::consts::PI, "010.2f", "-000003.14"),
            (1.5, ".2", "1.5"),
            (1234.5, ".2", "1.2e+03"),
            (0.000015, ".1", "2e-05"),
            (100.0, "#g", "100.000"),
            (123.0, ".10g", "123"),
            (2.0, "", "2.0"),
            (100.0, ".3", "1e+02"),
            (10.0, ".3", "10.0"),
            (2.5, ".0f", "2"),
            (-0.0, "z.1f", "0.0"),
            (1234.0, "010,.1f", "0,001,234.0"),
        ];
        for (x, spec, want) in cases {
            assert_eq!(ff(x, spec), want, "format({x}, {spec:?})");
        }
    }

    #[test]
    fn int_grouping_with_zero_padding() {
        assert_eq!(group_digits("1234", ',', 3, 8), "0,001,234");
        assert_eq!(group_digits("1234567", '_', 3, 0), "1_234_567");
    }
}
