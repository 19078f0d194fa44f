//! Constructors and methods of the built-in number types: `int`, `bool`, `float`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The decimal text of `n`, written at the end of `buf` (an i64 has at most
/// 19 digits and a sign). `str(i)`, `repr(i)` and `"%d" % i` of word-sized
/// ints use it instead of `to_string()`: no formatter and no heap String for
/// a str that fits inline.
pub fn i64_text(n: i64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // (ASCII digits and a sign)
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

use crate::builtins::signature::Sig;
use crate::compiler::bytecode::BinOp;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

/// `int.__round__(self, ndigits=None, /)` and `float.__round__`
const ROUND: Sig<1> = Sig::new("__round__", ["ndigits"]).required(0).method();

/// The slot methods of no argument or one, whose arity the call path checks.
const NOARGS: Sig<0> = Sig::new("method", []).method();
const ONE: Sig<1> = Sig::new("method", ["other"]).method();

macro_rules! binops {
    ($check:ident; $($name:literal, $rname:literal => $op:expr),* $(,)?) => {
        &[
            $(
                ($name, (|vm, a| num_binop_native(vm, a, $op, false, $check)) as crate::object::NativeFn),
                ($rname, (|vm, a| num_binop_native(vm, a, $op, true, $check)) as crate::object::NativeFn),
            )*
        ]
    };
}

pub fn register(vm: &mut Vm) {
    // ---- int ------------------------------------------------------------------------
    let t = vm.types.int;
    let int_ops: &[(&'static str, crate::object::NativeFn)] = binops!(int_operand;
        "__add__", "__radd__" => BinOp::Add,
        "__sub__", "__rsub__" => BinOp::Sub,
        "__mul__", "__rmul__" => BinOp::Mul,
        "__truediv__", "__rtruediv__" => BinOp::TrueDiv,
        "__floordiv__", "__rfloordiv__" => BinOp::FloorDiv,
        "__mod__", "__rmod__" => BinOp::Mod,
        "__pow__", "__rpow__" => BinOp::Pow,
        "__lshift__", "__rlshift__" => BinOp::LShift,
        "__rshift__", "__rrshift__" => BinOp::RShift,
        "__and__", "__rand__" => BinOp::And,
        "__or__", "__ror__" => BinOp::Or,
        "__xor__", "__rxor__" => BinOp::Xor,
    );
    for (name, f) in int_ops {
        vm.add_method(t, name, *f);
    }
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", int_new),
        ("bit_length", |vm, a| {
            let i = int_self(vm, &a, "bit_length")?;
            Ok(vm.new_int(i.bits() as i64))
        }),
        ("bit_count", |vm, a| {
            let i = int_self(vm, &a, "bit_count")?;
            let n: u64 = i
                .magnitude()
                .iter_u64_digits()
                .map(|d| d.count_ones() as u64)
                .sum();
            Ok(vm.new_int(n as i64))
        }),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", |vm, a| {
            let i = int_self(vm, &a, "as_integer_ratio")?;
            let n = vm.new_bigint(i);
            Ok(vm.new_tuple(vec![n, Value::small_int(1)]))
        }),
        ("conjugate", int_plain),
        ("__index__", int_plain),
        ("__int__", int_plain),
        ("__pos__", int_plain),
        ("__trunc__", int_plain),
        ("__floor__", int_plain),
        ("__ceil__", int_plain),
        ("__float__", |vm, a| {
            let i = int_self(vm, &a, "__float__")?;
            let f = vm.int_to_float(&i)?;
            Ok(Value::float(f))
        }),
        ("__abs__", |vm, a| {
            let i = int_self(vm, &a, "__abs__")?;
            Ok(vm.new_bigint(i.abs()))
        }),
        ("__neg__", |vm, a| {
            let i = int_self(vm, &a, "__neg__")?;
            Ok(vm.new_bigint(-i))
        }),
        ("__invert__", |vm, a| {
            let i = int_self(vm, &a, "__invert__")?;
            Ok(vm.new_bigint(-i - 1))
        }),
        ("__bool__", |vm, a| {
            let i = int_self(vm, &a, "__bool__")?;
            Ok(Value::bool(!i.is_zero()))
        }),
        ("__hash__", |vm, a| {
            let i = int_self(vm, &a, "__hash__")?;
            Ok(vm.new_int(Vm::hash_bigint(&i)))
        }),
        ("__repr__", |vm, a| {
            // int's repr of a bool is its value (bool has its own)
            let i = int_self(vm, &a, "__repr__")?;
            let t = decimal_text(vm, &i)?;
            Ok(vm.new_string(t))
        }),
        ("__round__", |vm, a| {
            let b = ROUND.bind(vm, &a)?;
            let i = int_self(vm, &a, "__round__")?;
            match b.opt(0) {
                None => Ok(vm.new_bigint(i)),
                Some(n) => {
                    let n = crate::builtins::signature::to_index(vm, n)?;
                    // past i64: a huge positive count keeps the int, a huge
                    // negative one rounds it to 0
                    let n = match vm.to_i64(n) {
                        Some(n) => n,
                        None if vm.to_bigint(n).is_some_and(|b| b.is_negative()) => i64::MIN,
                        None => i64::MAX,
                    };
                    if n >= 0 {
                        return Ok(vm.new_bigint(i));
                    }
                    let p = BigInt::from(10).pow((-n).min(100000) as u32);
                    let (q, r) = i.div_mod_floor(&p);
                    let twice = &r * 2;
                    let q = if twice > p || (twice == p && q.is_odd()) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(vm.new_bigint(q * p))
                }
            }
        }),
        ("__divmod__", |vm, a| {
            divmod_native(vm, a, false, int_operand)
        }),
        ("__rdivmod__", |vm, a| {
            divmod_native(vm, a, true, int_operand)
        }),
        ("__eq__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Eq)
        }),
        ("__ne__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Ne)
        }),
        ("__lt__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Lt)
        }),
        ("__le__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Le)
        }),
        ("__gt__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Gt)
        }),
        ("__ge__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Ge)
        }),
        ("__getnewargs__", |vm, a| {
            let i = int_self(vm, &a, "__getnewargs__")?;
            let v = vm.new_bigint(i);
            Ok(vm.new_tuple(vec![v]))
        }),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    add_classmethod(vm, t, "from_bytes", int_from_bytes);
    add_property(vm, t, "real", int_plain);
    add_property(vm, t, "numerator", int_plain);
    add_property(vm, t, "imag", |_vm, _a| Ok(Value::small_int(0)));
    add_property(vm, t, "denominator", |_vm, _a| Ok(Value::small_int(1)));

    // ---- bool -----------------------------------------------------------------------
    let t = vm.types.bool;
    vm.add_method(t, "__new__", |vm, a| {
        /// `bool(x=False, /)`
        const BOOL: Sig<1> = Sig::new("bool", ["x"]).required(0).constructor();
        match BOOL.bind(vm, &a)?.get(0) {
            Some(v) => Ok(Value::bool(vm.truthy(v)?)),
            None => Ok(Value::FALSE),
        }
    });
    let bool_ops: &[(&'static str, crate::object::NativeFn)] = &[
        ("__and__", |vm, a| bool_bitop(vm, a, BinOp::And)),
        ("__rand__", |vm, a| bool_bitop(vm, a, BinOp::And)),
        ("__or__", |vm, a| bool_bitop(vm, a, BinOp::Or)),
        ("__ror__", |vm, a| bool_bitop(vm, a, BinOp::Or)),
        ("__xor__", |vm, a| bool_bitop(vm, a, BinOp::Xor)),
        ("__rxor__", |vm, a| bool_bitop(vm, a, BinOp::Xor)),
        ("__repr__", |vm, a| {
            let b = NOARGS.bind(vm, &a)?.recv == Value::TRUE;
            Ok(vm.new_str(if b { "True" } else { "False" }))
        }),
    ];
    for (name, f) in bool_ops {
        vm.add_method(t, name, *f);
    }

    // ---- float ----------------------------------------------------------------------
    let t = vm.types.float;
    let float_ops: &[(&'static str, crate::object::NativeFn)] = binops!(float_operand;
        "__add__", "__radd__" => BinOp::Add,
        "__sub__", "__rsub__" => BinOp::Sub,
        "__mul__", "__rmul__" => BinOp::Mul,
        "__truediv__", "__rtruediv__" => BinOp::TrueDiv,
        "__floordiv__", "__rfloordiv__" => BinOp::FloorDiv,
        "__mod__", "__rmod__" => BinOp::Mod,
        "__pow__", "__rpow__" => BinOp::Pow,
    );
    for (name, f) in float_ops {
        vm.add_method(t, name, *f);
    }
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", float_new),
        ("is_integer", |vm, a| {
            let f = float_self(vm, &a, "is_integer")?;
            Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
        }),
        ("as_integer_ratio", |vm, a| {
            let f = float_self(vm, &a, "as_integer_ratio")?;
            if f.is_nan() {
                return Err(vm.value_error("cannot convert NaN to integer ratio"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
            }
            let (n, d) = float_ratio(f);
            let n = vm.new_bigint(n);
            let d = vm.new_bigint(d);
            Ok(vm.new_tuple(vec![n, d]))
        }),
        ("hex", |vm, a| {
            Sig::new("hex", []).method().bind(vm, &a)?;
            let f = float_self(vm, &a, "hex")?;
            Ok(vm.new_string(float_hex(f)))
        }),
        ("conjugate", float_plain),
        ("__float__", float_plain),
        ("__pos__", float_plain),
        ("__int__", |vm, a| {
            let f = float_self(vm, &a, "__int__")?;
            float_to_int(vm, f.trunc())
        }),
        ("__trunc__", |vm, a| {
            let f = float_self(vm, &a, "__trunc__")?;
            float_to_int(vm, f.trunc())
        }),
        ("__floor__", |vm, a| {
            let f = float_self(vm, &a, "__floor__")?;
            float_to_int(vm, f.floor())
        }),
        ("__ceil__", |vm, a| {
            let f = float_self(vm, &a, "__ceil__")?;
            float_to_int(vm, f.ceil())
        }),
        ("__round__", |vm, a| {
            let b = ROUND.bind(vm, &a)?;
            let f = float_self(vm, &a, "__round__")?;
            match b.opt(0) {
                None => float_to_int(vm, f.round_ties_even()),
                Some(n) => {
                    let Some(n) = vm.index_of(n)? else {
                        return Err(vm.type_error(&format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(n)
                        )));
                    };
                    let r = round_float(f, n);
                    if r.is_infinite() && f.is_finite() {
                        return Err(vm.overflow_error("rounded value too large to represent"));
                    }
                    Ok(Value::float(r))
                }
            }
        }),
        ("__abs__", |vm, a| {
            let f = float_self(vm, &a, "__abs__")?;
            Ok(Value::float(f.abs()))
        }),
        ("__neg__", |vm, a| {
            let f = float_self(vm, &a, "__neg__")?;
            Ok(Value::float(-f))
        }),
        ("__bool__", |vm, a| {
            let f = float_self(vm, &a, "__bool__")?;
            Ok(Value::bool(f != 0.0))
        }),
        ("__hash__", |vm, a| {
            let f = float_self(vm, &a, "__hash__")?;
            Ok(vm.new_int(crate::vm::num::hash_f64(f)))
        }),
        ("__repr__", |vm, a| {
            let f = float_self(vm, &a, "__repr__")?;
            Ok(vm.new_string(crate::vm::num::float_repr(f)))
        }),
        ("__divmod__", |vm, a| {
            divmod_native(vm, a, false, float_operand)
        }),
        ("__rdivmod__", |vm, a| {
            divmod_native(vm, a, true, float_operand)
        }),
        ("__eq__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Eq)
        }),
        ("__ne__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Ne)
        }),
        ("__lt__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Lt)
        }),
        ("__le__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Le)
        }),
        ("__gt__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Gt)
        }),
        ("__ge__", |vm, a| {
            cmp_native(vm, a, crate::compiler::bytecode::CmpOp::Ge)
        }),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    add_classmethod(vm, t, "fromhex", float_fromhex);
    add_classmethod(vm, t, "__getformat__", |vm, a| {
        /// `float.__getformat__(typestr, /)`
        const GETFORMAT: Sig<1> = Sig::new("__getformat__", ["typestr"]).class_method();
        let v = GETFORMAT.bind(vm, &a)?.req(0);
        match crate::builtins::signature::as_str(v) {
            Some("double" | "float") => Ok(vm.new_str("IEEE, little-endian")),
            Some(_) => {
                Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"))
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("__getformat__() argument must be str, not {tn}")))
            }
        }
    });
    add_property(vm, t, "real", float_plain);
    add_property(vm, t, "imag", |_vm, _a| Ok(Value::float(0.0)));
}

fn add_classmethod(vm: &mut Vm, t: Value, name: &'static str, f: crate::object::NativeFn) {
    let fv = vm.new_builtin(name, f);
    let cm = vm.alloc(vm.types.classmethod, ObjData::ClassMethod(fv));
    let k = vm.intern(name);
    vm.type_set_attr(t, k, cm);
}

/// A read-only attribute computed by a native getter.
pub fn add_property(vm: &mut Vm, t: Value, name: &'static str, f: crate::object::NativeFn) {
    let fget = vm.new_builtin(name, f);
    let p = vm.new_readonly_property(fget);
    let k = vm.intern(name);
    vm.type_set_attr(t, k, p);
}

// ---- helpers ----------------------------------------------------------------------------

fn int_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    if let Some(v) = a.get(0)
        && let Some(i) = vm.to_bigint(v)
    {
        return Ok(i);
    }
    let tn = a.get(0).map(|v| vm.type_name(v)).unwrap_or_default();
    Err(vm.type_error(&format!(
        "descriptor '{name}' for 'int' objects doesn't apply to a '{tn}' object"
    )))
}

fn float_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    if let Some(v) = a.get(0)
        && v.is_float()
    {
        return Ok(v.as_float());
    }
    let tn = a.get(0).map(|v| vm.type_name(v)).unwrap_or_default();
    Err(vm.type_error(&format!(
        "descriptor '{name}' for 'float' objects doesn't apply to a '{tn}' object"
    )))
}

/// The plain int value of the receiver (`int(x)` for subclasses and bools).
fn int_plain(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let i = int_self(vm, &a, "__int__")?;
    Ok(vm.new_bigint(i))
}

fn float_plain(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "__float__")?;
    Ok(Value::float(f))
}

fn int_operand(vm: &Vm, v: Value) -> bool {
    vm.is_intlike(v)
}

fn float_operand(vm: &Vm, v: Value) -> bool {
    v.is_float() || vm.is_intlike(v)
}

fn num_binop_native(
    vm: &mut Vm,
    a: Args,
    op: BinOp,
    reflected: bool,
    ok: fn(&Vm, Value) -> bool,
) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    if !ok(vm, y) || vm.to_num(x).is_none() {
        return Ok(vm.not_implemented);
    }
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    match vm.num_binop(op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn divmod_native(
    vm: &mut Vm,
    a: Args,
    reflected: bool,
    ok: fn(&Vm, Value) -> bool,
) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    if !ok(vm, y) || vm.to_num(x).is_none() {
        return Ok(vm.not_implemented);
    }
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let q = vm.binary_op(BinOp::FloorDiv, x, y)?;
    let r = vm.binary_op(BinOp::Mod, x, y)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn cmp_native(vm: &mut Vm, a: Args, op: crate::compiler::bytecode::CmpOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    if vm.to_num(x).is_none() || vm.to_num(y).is_none() {
        return Ok(vm.not_implemented);
    }
    vm.compare(op, x, y)
}

fn bool_bitop(vm: &mut Vm, a: Args, op: BinOp) -> PyResult<Value> {
    let b = ONE.bind(vm, &a)?;
    let (x, y) = (b.recv, b.req(0));
    if x.is_bool() && y.is_bool() {
        let (p, q) = (x == Value::TRUE, y == Value::TRUE);
        return Ok(Value::bool(match op {
            BinOp::And => p & q,
            BinOp::Or => p | q,
            _ => p ^ q,
        }));
    }
    if !vm.is_intlike(y) {
        return Ok(vm.not_implemented);
    }
    match vm.num_binop(op, x, y)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e15 {
        return Ok(vm.new_int(f as i64));
    }
    Ok(vm.new_bigint(crate::vm::ops::bigint_from_f64(f)))
}

/// Wraps an int value in `cls` (a subclass of int) when needed.
fn int_of_class(vm: &mut Vm, cls: Value, v: BigInt) -> Value {
    let p = vm.new_bigint(v);
    if cls == vm.types.int {
        return p;
    }
    // `int.__new__(Sub, v)`: an instance of the subclass carrying the int as its
    // payload, as the class call `Sub(v)` makes (it takes attributes)
    vm.temp_roots.push(p);
    let inst = vm.new_instance(cls);
    vm.temp_roots.pop();
    if let ObjData::Instance(i) = &inst.obj().data {
        i.base_value.set(p);
    }
    inst
}

// ---- int() ------------------------------------------------------------------------------

/// `int(x=0, /, base=10)`
const INT_NEW: Sig<2> = Sig::new("int", ["x", "base"])
    .posonly(1)
    .required(0)
    .constructor();

fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = INT_NEW.bind(vm, &a)?;
    let v = int_value(vm, b.get(0), b.get(1))?;
    Ok(int_of_class(vm, b.recv, v))
}

fn int_value(vm: &mut Vm, x: Option<Value>, base: Option<Value>) -> PyResult<BigInt> {
    let Some(x) = x else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(BigInt::zero());
    };
    if let Some(b) = base {
        // (a base past i64 is just out of range)
        let b = crate::builtins::signature::to_index(vm, b)?;
        let b = vm.to_i64(b).unwrap_or(i64::MAX);
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = match x.as_obj().map(|o| &o.data) {
            Some(ObjData::Str(s)) => s.s.to_string(),
            Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
                let bytes = vm.bytes_of(x)?;
                bytes.iter().map(|c| *c as char).collect()
            }
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int_checked(vm, &text, b as u32, x);
    }
    if let Some(i) = vm.to_bigint(x) {
        return Ok(i);
    }
    if x.is_float() {
        let f = x.as_float();
        let v = float_to_int(vm, f.trunc())?;
        return Ok(vm.to_bigint(v).unwrap_or_default());
    }
    match x.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(s)) if vm.is_builtin_exact(x) || vm.dunder(x, "__int__").is_none() => {
            let text = s.s.to_string();
            return parse_int_checked(vm, &text, 10, x);
        }
        Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
            let bytes = vm.bytes_of(x)?;
            let text: String = bytes.iter().map(|c| *c as char).collect();
            return parse_int_checked(vm, &text, 10, x);
        }
        _ => {}
    }
    for name in ["__int__", "__index__"] {
        if let Some(r) = vm.call_dunder(x, name, &[])? {
            return match vm.to_bigint(r) {
                Some(i) => Ok(i),
                None => Err(vm.type_error(&format!(
                    "{name} returned non-int (type {})",
                    vm.type_name(r)
                ))),
            };
        }
    }
    if let Some(r) = vm.call_dunder(x, "__trunc__", &[])? {
        if let Some(i) = vm.to_bigint(r) {
            return Ok(i);
        }
        if let Some(r2) = vm.call_dunder(r, "__index__", &[])?
            && let Some(i) = vm.to_bigint(r2)
        {
            return Ok(i);
        }
        return Err(vm.type_error(&format!(
            "__trunc__ returned non-Integral (type {})",
            vm.type_name(r)
        )));
    }
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// An int's decimal text, refused past `sys.get_int_max_str_digits()` digits
/// (before the quadratic conversion when the size alone says so), as in 3.11.
pub fn decimal_text(vm: &mut Vm, i: &BigInt) -> PyResult<String> {
    let limit = vm.int_max_str_digits;
    if limit > 0 {
        // floor(bits * log10(2)) never exceeds the digit count
        let low = (i.bits() as f64 * std::f64::consts::LOG10_2) as usize;
        if low > limit {
            return Err(too_many_digits(vm, limit));
        }
    }
    let t = i.to_string();
    let n = t.len() - usize::from(t.starts_with('-'));
    if limit > 0 && n > limit {
        return Err(too_many_digits(vm, limit));
    }
    Ok(t)
}

fn too_many_digits(vm: &mut Vm, limit: usize) -> crate::vm::PyErr {
    vm.value_error(&format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn parse_int_checked(vm: &mut Vm, text: &str, base: u32, orig: Value) -> PyResult<BigInt> {
    let limit = vm.int_max_str_digits;
    match parse_int(text, base, limit) {
        Ok(v) => Ok(v),
        Err(Some(n)) => Err(vm.value_error(&format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(None) => {
            let r = vm.repr_string(orig)?;
            Err(vm.value_error(&format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// Python's int-from-string rules. Err(Some(n)): more than `limit` digits in a
/// base that is not a power of two (0: no limit); Err(None): invalid.
pub fn parse_int(text: &str, base: u32, limit: usize) -> Result<BigInt, Option<usize>> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let mut base = base;
    let mut digits = t;
    let mut after_prefix = false;
    if let Some(pb) = prefix_base
        && (base == 0 || base == pb)
    {
        base = pb;
        digits = &t[2..];
        after_prefix = true;
    }
    let base0_decimal = base == 0;
    if base == 0 {
        base = 10;
    }
    // Underscores: only between digits (or right after a base prefix).
    let mut clean = String::with_capacity(digits.len());
    let mut prev_digit = after_prefix;
    for c in digits.chars() {
        if c == '_' {
            if !prev_digit {
                return Err(None);
            }
            prev_digit = false;
            continue;
        }
        if c.to_digit(base).is_none() {
            return Err(None);
        }
        clean.push(c);
        prev_digit = true;
    }
    if clean.is_empty() || !prev_digit {
        return Err(None);
    }
    if base0_decimal && clean.len() > 1 && clean.starts_with('0') && clean.chars().any(|c| c != '0')
    {
        return Err(None);
    }
    if !base.is_power_of_two() && limit > 0 && clean.len() > limit {
        return Err(Some(clean.len()));
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base).ok_or(None)?;
    Ok(if neg { -v } else { v })
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`
const TO_BYTES: Sig<3> = Sig::new("to_bytes", ["length", "byteorder", "signed"])
    .posonly(0)
    .kwonly(2)
    .required(0)
    .method();

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class method
const FROM_BYTES: Sig<3> = Sig::new("from_bytes", ["bytes", "byteorder", "signed"])
    .posonly(0)
    .kwonly(2)
    .required(1)
    .method();

fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = TO_BYTES.bind(vm, &a)?;
    let i = int_self(vm, &a, "to_bytes")?;
    let length = b.ssize_or(vm, 0, 1)?;
    let (order, signed) = (b.get(1), b.get(2));
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, order, "to_bytes")?;
    vm.check_alloc(length as u128, 1)?;
    let signed = match signed {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !signed && i.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        i.to_signed_bytes_le()
    } else {
        i.to_bytes_le().1
    };
    if i.is_zero() {
        bytes.clear();
    }
    // Trim redundant sign bytes from to_signed_bytes_le (it is minimal already).
    let length = length as usize;
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && i.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn byteorder(vm: &mut Vm, order: Option<Value>, name: &str) -> PyResult<bool> {
    match order {
        None => Ok(false),
        Some(o) if vm.is_str(o) => match str_of(o) {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(o) => Err(vm.type_error(&format!(
            "{name}() argument 'byteorder' must be str, not {}",
            vm.type_name(o)
        ))),
    }
}

fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = FROM_BYTES.bind(vm, &a)?;
    let (cls, src, order, signed) = (b.recv, b.req(0), b.get(1), b.get(2));
    // `bytes(src)`: a buffer, or an iterable of ints (not a str)
    let mut bytes = match crate::builtins::bytes::data_of(src) {
        Some(d) => d,
        None => {
            let it = if vm.is_str(src) {
                None
            } else {
                Some(vm.iter(src))
            };
            let it = match it {
                Some(Ok(it)) => it,
                Some(Err(e)) if !vm.matches(e.0, "TypeError") => return Err(e),
                _ => {
                    let tn = vm.type_name(src);
                    return Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")));
                }
            };
            let items = vm.collect_iter(it)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                match vm.to_i64(it) {
                    Some(b) if (0..256).contains(&b) => out.push(b as u8),
                    Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                    None => {
                        return Err(vm.type_error(&format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(it)
                        )));
                    }
                }
            }
            out
        }
    };
    let little = byteorder(vm, order, "from_bytes")?;
    let signed = match signed {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !little {
        bytes.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    if cls == vm.types.int {
        return Ok(vm.new_bigint(v));
    }
    let iv = vm.new_bigint(v);
    vm.call(cls, &[iv])
}

// ---- float() ----------------------------------------------------------------------------

fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `float(x=0, /)`
    const FLOAT: Sig<1> = Sig::new("float", ["x"]).required(0).constructor();
    let b = FLOAT.bind(vm, &a)?;
    let f = match b.get(0) {
        None => 0.0,
        Some(x) => float_value(vm, x)?,
    };
    // `float.__new__(Sub, x)`: the caller (subclass_new_result) wraps the float
    // as the payload of a Sub instance, as for int and str
    Ok(Value::float(f))
}

fn float_value(vm: &mut Vm, x: Value) -> PyResult<f64> {
    if x.is_float() {
        return Ok(x.as_float());
    }
    if let Some(i) = vm.to_bigint(x) {
        return vm.int_to_float(&i);
    }
    let text = match x.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(s)) if vm.is_builtin_exact(x) || vm.dunder(x, "__float__").is_none() => {
            Some(s.s.to_string())
        }
        Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
            let b = vm.bytes_of(x)?;
            Some(String::from_utf8_lossy(&b).into_owned())
        }
        _ => None,
    };
    if let Some(t) = text {
        return match parse_float(&t) {
            Some(f) => Ok(f),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(&format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = vm.call_dunder(x, "__float__", &[])? {
        if !r.is_float() {
            return Err(vm.type_error(&format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(r)
            )));
        }
        return Ok(r.as_float());
    }
    if let Some(r) = vm.call_dunder(x, "__index__", &[])?
        && let Some(i) = vm.to_bigint(r)
    {
        return vm.int_to_float(&i);
    }
    Err(vm.type_error(&format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// Python's float-from-string rules (whitespace, underscores between digits, inf/nan).
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(f) = special {
        return Some(if neg { -f } else { f });
    }
    // Validate the decimal syntax: digits [. digits] [e [sign] digits], with
    // underscores only between digits.
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    let digits = |i: &mut usize, clean: &mut String| -> Option<usize> {
        let start = *i;
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                n += 1;
            } else if c == b'_' {
                if *i == start
                    || !b[*i - 1].is_ascii_digit()
                    || *i + 1 >= b.len()
                    || !b[*i + 1].is_ascii_digit()
                {
                    return None;
                }
            } else {
                break;
            }
            *i += 1;
        }
        Some(n)
    };
    let int_digits = digits(&mut i, &mut clean)?;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_digits = digits(&mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            clean.push(b[i] as char);
            i += 1;
        }
        if digits(&mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let f: f64 = clean.parse().ok()?;
    Some(if neg { -f } else { f })
}

/// `float.as_integer_ratio` for a finite float, in lowest terms.
fn float_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1 << 52) - 1);
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    if exp != 0 {
        mant |= 1 << 52;
    }
    while mant & 1 == 0 {
        mant >>= 1;
        e += 1;
    }
    let m = BigInt::from(mant);
    let m = if f < 0.0 { -m } else { m };
    if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    }
}

/// `float.hex()`.
fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{mant:013x}p{}{e}",
        if e >= 0 { "+" } else { "" }
    )
}

fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const FROMHEX: Sig<1> = Sig::new("fromhex", ["string"]).method();
    let b = FROMHEX.bind(vm, &a)?;
    let (cls, s) = (b.recv, b.req(0));
    if !vm.is_str(s) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let f = match parse_hex_float(str_of(s)) {
        Ok(f) => f,
        Err(true) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let v = Value::float(f);
    if cls == vm.types.float {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

/// Err(true): overflow; Err(false): invalid.
fn parse_hex_float(text: &str) -> Result<f64, bool> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = |f: f64| if neg { -f } else { f };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sgn(f64::INFINITY)),
        "nan" => return Ok(sgn(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => {
            let e: i64 = e.parse().map_err(|_| false)?;
            (m, e)
        }
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    let mut m = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        m = m * 16 + d;
    }
    let e = exp.saturating_sub(4 * fp.len() as i64);
    let f = ratio_to_f64(&m, e);
    if f.is_infinite() {
        return Err(true);
    }
    Ok(sgn(f))
}

/// `m * 2**e` correctly rounded (half-even) to a double.
fn ratio_to_f64(m: &BigInt, e: i64) -> f64 {
    if m.is_zero() {
        return 0.0;
    }
    let bits = m.bits() as i64;
    // Exponent of the value's leading bit.
    let top = bits - 1 + e;
    if top > 1023 {
        return f64::INFINITY;
    }
    // Number of significant bits available: 53, fewer for subnormals.
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if prec <= 0 {
        // Below half the smallest subnormal (or exactly: round half even to 0).
        if prec == 0 {
            let half = BigInt::one() << (bits - 1) as usize;
            let m_abs = m.abs();
            if m_abs > half {
                return f64::from_bits(1);
            }
        }
        return 0.0;
    }
    let shift = bits - prec;
    let mut q: BigInt;
    if shift > 0 {
        q = m >> shift as usize;
        let rem = m - (&q << shift as usize);
        let half = BigInt::one() << (shift - 1) as usize;
        if rem > half || (rem == half && q.is_odd()) {
            q += 1;
        }
    } else {
        q = m.clone();
    }
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let scale = e + shift.max(0);
    let r = qf * 2f64.powi(scale.clamp(-1000, 1000) as i32);
    if scale < -1000 {
        return qf * 2f64.powi(-1000) * 2f64.powi((scale + 1000) as i32);
    }
    r
}

/// `round(f, n)` for floats: correctly rounded to `n` decimal digits (half-even on
/// the exact binary value, as CPython does via its dtoa).
pub fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 323 || f == 0.0 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    let (num, den) = float_ratio(f.abs());
    // f * 10**n as an exact fraction num/den.
    let (num, den) = if n >= 0 {
        (num * BigInt::from(10).pow(n as u32), den)
    } else {
        (num, den * BigInt::from(10).pow((-n) as u32))
    };
    let (q, r) = num.div_rem(&den);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let s = format!("{q}e{}", -n);
    let v: f64 = s.parse().unwrap_or(f);
    v.copysign(f)
}
