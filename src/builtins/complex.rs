//! The `complex` type: its constructor (numbers, strings, `real`/`imag` keywords,
//! `__complex__`), methods and attributes, and `format()` of complex numbers.
//! The arithmetic itself is in `vm::complex`.

use crate::builtins::format::{Spec, float_to_string, pad, spec_for, unknown_code};
use crate::builtins::numbers::{add_property, parse_float};
use crate::builtins::signature::Sig;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::complex::{C, c_abs};
use crate::vm::{Args, PyResult, Vm, str_of};

macro_rules! binops {
    ($($name:literal, $rname:literal => $op:expr),* $(,)?) => {
        &[
            $(
                ($name, (|vm, a| complex_binop_native(vm, a, $op, false)) as crate::object::NativeFn),
                ($rname, (|vm, a| complex_binop_native(vm, a, $op, true)) as crate::object::NativeFn),
            )*
        ]
    };
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.complex;
    let ops: &[(&'static str, crate::object::NativeFn)] = binops!(
        "__add__", "__radd__" => BinOp::Add,
        "__sub__", "__rsub__" => BinOp::Sub,
        "__mul__", "__rmul__" => BinOp::Mul,
        "__truediv__", "__rtruediv__" => BinOp::TrueDiv,
        "__pow__", "__rpow__" => BinOp::Pow,
    );
    for (name, f) in ops {
        vm.add_method(t, name, *f);
    }
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", complex_new),
        ("__repr__", |vm, a| {
            let c = complex_self(vm, &a, "__repr__")?;
            Ok(vm.new_string(crate::vm::complex::complex_repr(c.0, c.1)))
        }),
        ("__hash__", |vm, a| {
            let c = complex_self(vm, &a, "__hash__")?;
            Ok(vm.new_int(crate::vm::complex::complex_hash(c.0, c.1)))
        }),
        ("__bool__", |vm, a| {
            let c = complex_self(vm, &a, "__bool__")?;
            Ok(Value::bool(c.0 != 0.0 || c.1 != 0.0))
        }),
        ("__abs__", |vm, a| {
            let c = complex_self(vm, &a, "__abs__")?;
            let r = c_abs(c);
            if r.is_infinite() && c.0.is_finite() && c.1.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::float(r))
        }),
        ("__neg__", |vm, a| {
            let c = complex_self(vm, &a, "__neg__")?;
            Ok(vm.new_complex(-c.0, -c.1))
        }),
        ("__pos__", |vm, a| {
            let c = complex_self(vm, &a, "__pos__")?;
            Ok(vm.new_complex(c.0, c.1))
        }),
        ("__complex__", |vm, a| {
            let c = complex_self(vm, &a, "__complex__")?;
            Ok(vm.new_complex(c.0, c.1))
        }),
        ("conjugate", |vm, a| {
            let c = complex_self(vm, &a, "conjugate")?;
            Ok(vm.new_complex(c.0, -c.1))
        }),
        ("__getnewargs__", |vm, a| {
            let c = complex_self(vm, &a, "__getnewargs__")?;
            Ok(vm.new_tuple(vec![Value::float(c.0), Value::float(c.1)]))
        }),
        ("__eq__", |vm, a| complex_cmp_native(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| complex_cmp_native(vm, a, CmpOp::Ne)),
        // complex numbers have no order
        ("__lt__", |vm, a| complex_cmp_native(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| complex_cmp_native(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| complex_cmp_native(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| complex_cmp_native(vm, a, CmpOp::Ge)),
        ("__format__", |vm, a| {
            let c = complex_self(vm, &a, "__format__")?;
            let spec = ONE.bind(vm, &a)?.req(0);
            let Some(spec) = crate::builtins::signature::as_str(spec) else {
                let tn = crate::builtins::bad_arg_name(vm, spec);
                return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
            };
            let s = format_complex(vm, c, spec)?;
            Ok(vm.new_string(s))
        }),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    add_property(vm, t, "real", |vm, a| {
        Ok(Value::float(complex_self(vm, &a, "real")?.0))
    });
    add_property(vm, t, "imag", |vm, a| {
        Ok(Value::float(complex_self(vm, &a, "imag")?.1))
    });
}

fn complex_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    if let Some(c) = a.get(0).and_then(|v| vm.complex_of(v)) {
        return Ok(c);
    }
    let tn = a.get(0).map(|v| vm.type_name(v)).unwrap_or_default();
    Err(vm.type_error(&format!(
        "descriptor '{name}' for 'complex' objects doesn't apply to a '{tn}' object"
    )))
}

fn complex_binop_native(vm: &mut Vm, a: Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    /// a binary slot, `__pow__` with its optional modulus
    const BINOP: Sig<2> = Sig::new("method", ["other", "mod"]).required(1).method();
    let b = BINOP.bind(vm, &a)?;
    complex_self(vm, &a, op.dunders().0)?;
    if op == BinOp::Pow && b.opt(1).is_some() {
        return Err(vm.value_error("complex modulo"));
    }
    let (x, y) = (b.recv, b.req(0));
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    match vm.complex_binop(op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn complex_cmp_native(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    complex_self(vm, &a, op.dunder())?;
    match vm.complex_compare(op, b.recv, b.req(0))? {
        Some(r) => Ok(Value::bool(r)),
        None => Ok(vm.not_implemented),
    }
}

// ---- complex() ----------------------------------------------------------------------

/// A slot method of one argument, whose arity the call path checks.
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

/// `complex(real=0, imag=0)`
const COMPLEX: Sig<2> = Sig::new("complex", ["real", "imag"])
    .posonly(0)
    .required(0)
    .constructor();

fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = COMPLEX.bind(vm, &a)?;
    let (cls, r, i) = (b.recv, b.get(0), b.get(1));
    let (re, im) = complex_value(vm, r, i)?;
    if cls == vm.types.complex {
        return Ok(vm.new_complex(re, im));
    }
    Ok(vm.alloc(cls, ObjData::Complex(re, im)))
}

/// CPython's complex_new: each argument may itself be complex (`complex(1j, 1j)`
/// is `-1+1j`).
fn complex_value(vm: &mut Vm, r: Option<Value>, i: Option<Value>) -> PyResult<C> {
    let r = r.unwrap_or(Value::small_int(0));
    if vm.is_str(r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return complex_from_str(vm, r);
    }
    if let Some(iv) = i
        && vm.is_str(iv)
    {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    // `__complex__` first (a complex's own returns itself)
    let r = match vm.complex_of(r) {
        Some(_) => r,
        None => match vm.call_dunder(r, "__complex__", &[])? {
            Some(c) if vm.complex_of(c).is_some() => c,
            Some(c) => {
                let msg = format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(c)
                );
                return Err(vm.type_error(&msg));
            }
            None => r,
        },
    };
    let cr = match vm.complex_of(r) {
        Some(c) => Some(c),
        None if is_real(vm, r) => None,
        None => {
            let msg = format!(
                "complex() first argument must be a string or a number, not '{}'",
                vm.type_name(r)
            );
            return Err(vm.type_error(&msg));
        }
    };
    let ci = match i {
        None => None,
        Some(iv) => match vm.complex_of(iv) {
            Some(c) => Some(Some(c)),
            None if is_real(vm, iv) => Some(None),
            None => {
                let msg = format!(
                    "complex() second argument must be a number, not '{}'",
                    vm.type_name(iv)
                );
                return Err(vm.type_error(&msg));
            }
        },
    };
    let (mut re, mut im) = match cr {
        Some(c) => c,
        None => (real_value(vm, r)?, 0.0),
    };
    // r + i*1j; CPython adds r's imaginary part only when r is complex (so a
    // real r keeps the sign of a zero i)
    let i_re = match (ci, i) {
        (Some(Some(c)), _) => {
            re -= c.1;
            Some(c.0)
        }
        (Some(None), Some(iv)) => Some(real_value(vm, iv)?),
        _ => None,
    };
    if let Some(x) = i_re {
        im = if cr.is_some() { im + x } else { x };
    }
    Ok((re, im))
}

/// Whether `v` converts to float (`__float__` or `__index__`).
fn is_real(vm: &mut Vm, v: Value) -> bool {
    v.is_float()
        || vm.is_intlike(v)
        || vm.dunder(v, "__float__").is_some()
        || vm.dunder(v, "__index__").is_some()
}

fn real_value(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let ft = vm.types.float;
    let f = vm.call(ft, &[v])?;
    Ok(f.as_float())
}

fn complex_from_str(vm: &mut Vm, s: Value) -> PyResult<C> {
    let text = str_of(s);
    let cleaned = match strip_underscores(text) {
        Some(t) => t,
        None => {
            let r = vm.repr_string(s)?;
            let msg = format!("could not convert string to complex: {r}");
            return Err(vm.value_error(&msg));
        }
    };
    parse_complex(&cleaned).ok_or_else(|| vm.value_error("complex() arg is a malformed string"))
}

/// Drops underscores that sit between digits; None if one does not.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for ch in s.chars() {
        if ch == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !ch.is_ascii_digit() {
                return None;
            }
            out.push(ch);
        }
        prev = ch;
    }
    (prev != '_').then_some(out)
}

/// The longest prefix of `s` that is a float literal (sign, digits, point,
/// exponent, or inf/infinity/nan): its value and length.
fn float_prefix(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let lower = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            return parse_float(&s[..end]).map(|f| (f, end));
        }
    }
    let digits_from = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut j = int_end;
    let mut frac_digits = 0;
    if j < b.len() && b[j] == b'.' {
        let k = digits_from(j + 1);
        frac_digits = k - (j + 1);
        j = k;
    }
    if int_end == i && frac_digits == 0 {
        return None;
    }
    if j < b.len() && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let e = digits_from(k);
        if e > k {
            j = e;
        }
    }
    parse_float(&s[..j]).map(|f| (f, j))
}

/// CPython's complex-from-string forms: `<float>`, `<float>j`,
/// `<float><signed float>j`, `<float><sign>j`, `<sign>j` and `j`, optionally in
/// parentheses, with surrounding whitespace.
fn parse_complex(s: &str) -> Option<C> {
    let mut s = s.trim_matches(|c: char| c.is_whitespace());
    let bracket = s.starts_with('(');
    if bracket {
        s = s.strip_prefix('(')?.strip_suffix(')')?;
        s = s.trim_matches(|c: char| c.is_whitespace());
    }
    let is_j = |r: &str| r == "j" || r == "J";
    let sign_unit = |c: u8| if c == b'+' { 1.0 } else { -1.0 };
    let (re, im, rest) = match float_prefix(s) {
        Some((z, end)) => {
            let rest = &s[end..];
            match rest.as_bytes().first() {
                Some(&c @ (b'+' | b'-')) => match float_prefix(rest) {
                    Some((y, e2)) => (z, y, &rest[e2..]),
                    None => (z, sign_unit(c), &rest[1..]),
                },
                Some(b'j' | b'J') => (0.0, z, rest),
                _ => return rest.is_empty().then_some((z, 0.0)),
            }
        }
        None => match s.as_bytes().first() {
            Some(&c @ (b'+' | b'-')) => (0.0, sign_unit(c), &s[1..]),
            _ => (0.0, 1.0, s),
        },
    };
    is_j(rest).then_some((re, im))
}

// ---- format() -----------------------------------------------------------------------

/// `format(z, spec)`: both parts formatted as floats, the imaginary one always
/// signed; without a presentation type like repr (parentheses unless the real part
/// is +0, which is then left out).
pub fn format_complex(vm: &mut Vm, c: C, spec: &str) -> PyResult<String> {
    let sp = spec_for(vm, spec, "complex", true)?;
    if sp.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut ty, upper) = match sp.ty {
        None => ('r', false),
        Some('e') => ('e', false),
        Some('E') => ('e', true),
        Some('f') => ('f', false),
        Some('F') => ('f', true),
        Some('g') | Some('n') => ('g', false),
        Some('G') => ('g', true),
        Some(t) => return Err(vm.value_error(&unknown_code(t, "complex"))),
    };
    let (mut skip_re, mut parens) = (false, false);
    if sp.ty.is_none() {
        if c.0 == 0.0 && c.0.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let prec = match sp.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None if ty == 'r' => 0,
        None => 6,
    };
    let part = |x: f64, sign: char| {
        let inner = Spec {
            fill: ' ',
            align: None,
            sign,
            sign_given: false,
            z: sp.z,
            alt: sp.alt,
            width: 0,
            grouping: sp.grouping,
            precision: None,
            ty: None,
        };
        // (NaN's sign is never shown)
        let x = if x.is_nan() { f64::NAN } else { x };
        let s = float_to_string(x, ty, upper, false, false, prec, &inner);
        if ty != 'r' {
            return s;
        }
        // repr without the ".0" of integral values
        match s.strip_suffix(".0") {
            Some(t) if sp.alt => format!("{t}."),
            Some(t) => t.to_string(),
            None => s,
        }
    };
    let im = part(c.1, if skip_re { sp.sign } else { '+' });
    let body = if skip_re {
        format!("{im}j")
    } else {
        format!("{}{im}j", part(c.0, sp.sign))
    };
    let body = if parens { format!("({body})") } else { body };
    Ok(pad(&body, &sp, '>'))
}
