//! The `array` module: typed arrays of machine numbers, with CPython's range checks
//! and messages. Integers are kept as i128 (covers every C integer type), floats as f64
//! (rounded through f32 for typecode 'f').

use num_traits::ToPrimitive;

use crate::builtins::signature::{Sig, Style};
use crate::compiler::bytecode::CmpOp;
use crate::modules::itertools::{add_method_as, make_type, native, set_attr, ty};
use crate::object::{Mut, NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("array", init);
}

#[derive(Clone)]
enum Data {
    Int(Vec<i128>),
    Float(Vec<f64>),
}

struct Arr {
    code: char,
    data: Mut<Data>,
}

impl NativeData for Arr {
    fn trace(&self, _visit: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const CODES: &str = "bBuhHiIlLqQfd";

fn itemsize(c: char) -> usize {
    match c {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' | 'u' => 4,
        _ => 8,
    }
}

/// (min, max, too-small message, too-big message)
fn limits(c: char) -> (i128, i128, &'static str, &'static str) {
    match c {
        'b' => (
            -128,
            127,
            "signed char is less than minimum",
            "signed char is greater than maximum",
        ),
        'B' => (
            0,
            255,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        ),
        'h' => (
            -32768,
            32767,
            "signed short integer is less than minimum",
            "signed short integer is greater than maximum",
        ),
        'H' => (
            0,
            65535,
            "unsigned short is less than minimum",
            "unsigned short is greater than maximum",
        ),
        'i' => (
            i32::MIN as i128,
            i32::MAX as i128,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        ),
        'I' => (
            0,
            u32::MAX as i128,
            "can't convert negative value to unsigned int",
            "unsigned int is greater than maximum",
        ),
        'l' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
        'q' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "int too big to convert",
            "int too big to convert",
        ),
        'L' => (
            0,
            u64::MAX as i128,
            "can't convert negative value to unsigned int",
            "Python int too large to convert to C unsigned long",
        ),
        'Q' => (
            0,
            u64::MAX as i128,
            "can't convert negative int to unsigned",
            "int too big to convert",
        ),
        _ => (
            0,
            0x10FFFF,
            "character U+{} is not in range [U+0000; U+10ffff]",
            "",
        ),
    }
}

fn is_float_code(c: char) -> bool {
    c == 'f' || c == 'd'
}

fn arr(vm: &mut Vm, v: Value) -> PyResult<&'static Arr> {
    native::<Arr>(v).ok_or_else(|| vm.type_error("descriptor requires an 'array.array' object"))
}

fn to_int(vm: &mut Vm, c: char, v: Value) -> PyResult<i128> {
    if c == 'u' {
        if vm.is_str(v) && str_of(v).chars().count() == 1 {
            return Ok(str_of(v).chars().next().unwrap() as i128);
        }
        return Err(vm.type_error(&format!(
            "array item must be unicode character, not {}",
            vm.type_name(v)
        )));
    }
    let b = if v.is_bool() || vm.is_int(v) {
        vm.to_bigint(v)
    } else if v.is_obj() && matches!(v.obj().data, ObjData::Instance(_)) {
        match vm.call_dunder(v, "__index__", &[])? {
            Some(r) => vm.to_bigint(r),
            None => None,
        }
    } else {
        None
    };
    let Some(b) = b else {
        return Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    let (lo, hi, small, big) = limits(c);
    match b.to_i128() {
        Some(i) if i < lo => Err(vm.overflow_error(small)),
        Some(i) if i > hi => Err(vm.overflow_error(big)),
        Some(i) => Ok(i),
        None => Err(vm.overflow_error(if b.sign() == num_bigint::Sign::Minus {
            small
        } else {
            big
        })),
    }
}

fn to_float(vm: &mut Vm, c: char, v: Value) -> PyResult<f64> {
    let f = if v.is_float() {
        v.as_float()
    } else if v.is_bool() || vm.is_int(v) {
        let b = vm.to_bigint(v).unwrap();
        vm.int_to_float(&b)?
    } else {
        match vm.call_dunder(v, "__float__", &[])? {
            Some(r) if r.is_float() => r.as_float(),
            _ => {
                return Err(vm.type_error(&format!("must be real number, not {}", vm.type_name(v))));
            }
        }
    };
    Ok(if c == 'f' { f as f32 as f64 } else { f })
}

fn push_values(vm: &mut Vm, a: &Arr, items: &[Value]) -> PyResult<()> {
    // Convert all first so a bad item leaves the array unchanged, except CPython
    // appends item by item; keep its behaviour.
    for v in items {
        if is_float_code(a.code) {
            let f = to_float(vm, a.code, *v)?;
            if let Data::Float(d) = a.data.get() {
                d.push(f);
            }
        } else {
            let i = to_int(vm, a.code, *v)?;
            if let Data::Int(d) = a.data.get() {
                d.push(i);
            }
        }
    }
    Ok(())
}

fn item_value(vm: &mut Vm, a: &Arr, i: usize) -> Value {
    match a.data.get() {
        Data::Int(d) => {
            let x = d[i];
            if a.code == 'u' {
                let c = char::from_u32(x as u32).unwrap_or('\u{fffd}');
                return vm.new_string(c.to_string());
            }
            match i64::try_from(x) {
                Ok(s) => vm.new_int(s),
                Err(_) => vm.new_bigint(num_bigint::BigInt::from(x)),
            }
        }
        Data::Float(d) => Value::float(d[i]),
    }
}

fn len_of(a: &Arr) -> usize {
    match a.data.get() {
        Data::Int(d) => d.len(),
        Data::Float(d) => d.len(),
    }
}

fn values(vm: &mut Vm, a: &Arr) -> Vec<Value> {
    (0..len_of(a)).map(|i| item_value(vm, a, i)).collect()
}

fn new_array(vm: &mut Vm, cls: Value, code: char, data: Data) -> Value {
    vm.alloc(
        cls,
        ObjData::Native(Box::new(Arr {
            code,
            data: Mut::new(data),
        })),
    )
}

fn empty_data(code: char) -> Data {
    if is_float_code(code) {
        Data::Float(Vec::new())
    } else {
        Data::Int(Vec::new())
    }
}

/// The methods' signatures (CPython's Argument Clinic declarations).
const NOARGS_SLOT: Sig<0> = Sig::new("method", []).method();
const ONE_SLOT: Sig<1> = Sig::new("method", ["other"]).method();
const TWO_SLOT: Sig<2> = Sig::new("method", ["key", "value"]).method();
const APPEND: Sig<1> = Sig::new("append", ["v"]).method();
const EXTEND: Sig<1> = Sig::new("extend", ["bb"]).posonly(1).method();
const FROMLIST: Sig<1> = Sig::new("fromlist", ["list"]).method();
const INSERT: Sig<2> = Sig::new("insert", ["i", "v"]).method();
const POP: Sig<1> = Sig::new("pop", ["i"]).required(0).method();
const REMOVE: Sig<1> = Sig::new("remove", ["v"]).method();
/// `index(v, start=0, stop=sys.maxsize, /)`
const INDEX: Sig<3> = Sig::new("index", ["v", "start", "stop"])
    .required(1)
    .method();
const COUNT: Sig<1> = Sig::new("count", ["v"]).method();
const FROMBYTES: Sig<1> = Sig::new("frombytes", ["buffer"]).method();
const REVERSE: Sig<0> = Sig::new("reverse", []).method();
const TOLIST: Sig<0> = Sig::new("tolist", []).method();
const TOBYTES: Sig<0> = Sig::new("tobytes", []).method();
const TOUNICODE: Sig<0> = Sig::new("tounicode", []).method();
const BUFFER_INFO: Sig<0> = Sig::new("buffer_info", []).method();
const COPY: Sig<0> = Sig::new("__copy__", []).method();
/// `array(typecode[, initializer])` (`PyArg_ParseTuple(args, "C|O:array")`)
const ARRAY: Sig<2> = Sig::new("array", ["typecode", "initializer"])
    .required(1)
    .style(Style::Tuple)
    .constructor();

/// A start or stop of `index` (`_PyEval_SliceIndexNotNone`), clamped.
fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !vm.is_intlike(v) && vm.dunder(v, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let x = crate::builtins::signature::to_index(vm, v)?;
    Ok(match vm.to_i64(x) {
        Some(i) => i,
        None if vm
            .to_bigint(x)
            .is_some_and(|b| b.sign() == num_bigint::Sign::Minus) =>
        {
            i64::MIN
        }
        None => i64::MAX,
    })
}

fn array_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let b = ARRAY.bind(vm, &a)?;
    let (cls, tc) = (b.recv, b.req(0));
    if !vm.is_str(tc) || str_of(tc).chars().count() != 1 {
        return Err(vm.type_error(&format!(
            "array() argument 1 must be a unicode character, not {}",
            vm.type_name(tc)
        )));
    }
    let code = str_of(tc).chars().next().unwrap();
    if !CODES.contains(code) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let obj = new_array(vm, cls, code, empty_data(code));
    if let Some(init) = b.get(1) {
        vm.temp_roots.push(obj);
        let r = (|| {
            let ar = arr(vm, obj)?;
            if vm.is_str(init) {
                if code != 'u' {
                    return Err(vm.type_error(&format!(
                        "cannot use a str to initialize an array with typecode '{code}'"
                    )));
                }
                let chars: Vec<Value> = str_of(init)
                    .chars()
                    .map(|c| vm.new_string(c.to_string()))
                    .collect();
                return push_values(vm, ar, &chars);
            }
            if let Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) = init.as_obj().map(|o| &o.data)
            {
                let b = vm.bytes_of(init)?;
                return frombytes(vm, ar, &b);
            }
            if let Some(src) = native::<Arr>(init) {
                if is_float_code(code) != is_float_code(src.code) && !is_float_code(code) {
                    let vals = values(vm, src);
                    return push_values(vm, ar, &vals);
                }
                let vals = values(vm, src);
                return push_values(vm, ar, &vals);
            }
            let items = vm.collect_iter(init)?;
            rooted_push(vm, ar, items)
        })();
        vm.temp_roots.pop();
        r?;
    }
    Ok(obj)
}

fn frombytes(vm: &mut Vm, a: &Arr, b: &[u8]) -> PyResult<()> {
    let n = itemsize(a.code);
    if !b.len().is_multiple_of(n) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    for ch in b.chunks(n) {
        match a.data.get() {
            Data::Float(d) => {
                let f = if n == 4 {
                    f32::from_ne_bytes(ch.try_into().unwrap()) as f64
                } else {
                    f64::from_ne_bytes(ch.try_into().unwrap())
                };
                d.push(f);
            }
            Data::Int(d) => {
                let mut buf = [0u8; 16];
                buf[..n].copy_from_slice(ch);
                let signed = matches!(a.code, 'b' | 'h' | 'i' | 'l' | 'q');
                let mut x = u128::from_le_bytes(buf) as i128;
                if signed && ch[n - 1] & 0x80 != 0 {
                    x -= 1i128 << (8 * n);
                }
                d.push(x);
            }
        }
    }
    Ok(())
}

fn tobytes(a: &Arr) -> Vec<u8> {
    let n = itemsize(a.code);
    let mut out = Vec::new();
    match a.data.get() {
        Data::Float(d) => {
            for f in d.iter() {
                if n == 4 {
                    out.extend_from_slice(&(*f as f32).to_ne_bytes());
                } else {
                    out.extend_from_slice(&f.to_ne_bytes());
                }
            }
        }
        Data::Int(d) => {
            for x in d.iter() {
                out.extend_from_slice(&x.to_le_bytes()[..n]);
            }
        }
    }
    out
}

fn norm_index(vm: &mut Vm, a: &Arr, idx: Value, msg: &str) -> PyResult<usize> {
    let Some(i) = vm.index_of(idx)? else {
        return Err(vm.type_error("array indices must be integers"));
    };
    let n = len_of(a) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

fn is_slice(v: Value) -> bool {
    v.is_obj() && matches!(v.obj().data, ObjData::Slice { .. })
}

fn slice_positions(vm: &mut Vm, a: &Arr, idx: Value) -> PyResult<Vec<usize>> {
    let s = vm.slice_indices(idx, len_of(a))?;
    Ok((0..s.len)
        .map(|k| (s.start + k as i64 * s.step) as usize)
        .collect())
}

fn select(a: &Arr, pos: &[usize]) -> Data {
    match a.data.get() {
        Data::Int(d) => Data::Int(pos.iter().map(|i| d[*i]).collect()),
        Data::Float(d) => Data::Float(pos.iter().map(|i| d[*i]).collect()),
    }
}

fn array_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = NOARGS_SLOT.bind(vm, &a)?.recv;
    let ar = arr(vm, s)?;
    let name = crate::vm::types::type_obj(vm.type_of(s)).name.clone();
    if len_of(ar) == 0 {
        return Ok(vm.new_string(format!("{name}('{}')", ar.code)));
    }
    let body = if ar.code == 'u' {
        let text: String = match ar.data.get() {
            Data::Int(d) => d
                .iter()
                .map(|x| char::from_u32(*x as u32).unwrap_or('\u{fffd}'))
                .collect(),
            Data::Float(_) => String::new(),
        };
        crate::vm::ops::str_repr(&text)
    } else {
        let vals = values(vm, ar);
        let l = vm.new_list(vals);
        vm.repr_string(l)?
    };
    Ok(vm.new_string(format!("{name}('{}', {body})", ar.code)))
}

fn array_cmp(vm: &mut Vm, a: Args, op: CmpOp) -> PyResult<Value> {
    let b = ONE_SLOT.bind(vm, &a)?;
    let (Some(x), Some(y)) = (native::<Arr>(b.recv), native::<Arr>(b.req(0))) else {
        return Ok(vm.not_implemented);
    };
    let xv = values(vm, x);
    let l1 = vm.new_list(xv);
    vm.temp_roots.push(l1);
    let yv = values(vm, y);
    let l2 = vm.new_list(yv);
    vm.temp_roots.push(l2);
    let r = vm.compare(op, l1, l2);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}

fn extend_from(vm: &mut Vm, target: Value, src: Value) -> PyResult<()> {
    let ar = arr(vm, target)?;
    if let Some(o) = native::<Arr>(src) {
        if o.code != ar.code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let add = o.data.get().clone();
        match (ar.data.get(), add) {
            (Data::Int(d), Data::Int(e)) => d.extend(e),
            (Data::Float(d), Data::Float(e)) => d.extend(e),
            _ => {}
        }
        return Ok(());
    }
    let items = vm.collect_iter(src)?;
    rooted_push(vm, ar, items)
}

/// `push_values` with the items kept alive (conversions may run Python code).
fn rooted_push(vm: &mut Vm, a: &Arr, items: Vec<Value>) -> PyResult<()> {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = push_values(vm, a, &items);
    vm.temp_roots.truncate(base);
    r
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("array");
    let t = make_type(vm, "array.array", "array", "array", vm.types.object);
    set_attr(vm, m, "array", t);
    set_attr(vm, m, "ArrayType", t);
    let codes = vm.new_str(CODES);
    set_attr(vm, m, "typecodes", codes);
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("__new__", array_new),
        ("__repr__", array_repr),
        ("append", |vm, a| {
            let b = APPEND.bind(vm, &a)?;
            let ar = arr(vm, b.recv)?;
            push_values(vm, ar, &[b.req(0)])?;
            Ok(Value::NONE)
        }),
        ("extend", |vm, a| {
            let b = EXTEND.bind(vm, &a)?;
            extend_from(vm, b.recv, b.req(0))?;
            Ok(Value::NONE)
        }),
        ("fromlist", |vm, a| {
            let b = FROMLIST.bind(vm, &a)?;
            if !matches!(b.req(0).as_obj().map(|o| &o.data), Some(ObjData::List(_))) {
                return Err(vm.type_error("arg must be list"));
            }
            extend_from(vm, b.recv, b.req(0))?;
            Ok(Value::NONE)
        }),
        ("__iadd__", |vm, a| {
            let b = ONE_SLOT.bind(vm, &a)?;
            if native::<Arr>(b.req(0)).is_none() {
                return Err(vm.type_error(&format!(
                    "can only extend array with array (not \"{}\")",
                    vm.type_name(b.req(0))
                )));
            }
            extend_from(vm, b.recv, b.req(0))?;
            Ok(b.recv)
        }),
        ("insert", |vm, a| {
            let b = INSERT.bind(vm, &a)?;
            let i = b.ssize(vm, 0)?;
            let ar = arr(vm, b.recv)?;
            let n = len_of(ar) as i64;
            let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            if is_float_code(ar.code) {
                let f = to_float(vm, ar.code, b.req(1))?;
                if let Data::Float(d) = ar.data.get() {
                    d.insert(i, f);
                }
            } else {
                let x = to_int(vm, ar.code, b.req(1))?;
                if let Data::Int(d) = ar.data.get() {
                    d.insert(i, x);
                }
            }
            Ok(Value::NONE)
        }),
        ("pop", |vm, a| {
            let b = POP.bind(vm, &a)?;
            let i = b.ssize_or(vm, 0, -1)?;
            let ar = arr(vm, b.recv)?;
            if len_of(ar) == 0 {
                return Err(vm.index_error("pop from empty array"));
            }
            let idx = vm.new_int(i);
            let i = norm_index(vm, ar, idx, "pop index out of range")?;
            let v = item_value(vm, ar, i);
            match ar.data.get() {
                Data::Int(d) => {
                    d.remove(i);
                }
                Data::Float(d) => {
                    d.remove(i);
                }
            }
            Ok(v)
        }),
        ("remove", |vm, a| {
            let b = REMOVE.bind(vm, &a)?;
            let ar = arr(vm, b.recv)?;
            for (i, v) in values(vm, ar).into_iter().enumerate() {
                if vm.eq(v, b.req(0))? {
                    match ar.data.get() {
                        Data::Int(d) => {
                            d.remove(i);
                        }
                        Data::Float(d) => {
                            d.remove(i);
                        }
                    }
                    return Ok(Value::NONE);
                }
            }
            Err(vm.value_error("array.remove(x): x not in array"))
        }),
        ("index", |vm, a| {
            let b = INDEX.bind(vm, &a)?;
            let ar = arr(vm, b.recv)?;
            let items = values(vm, ar);
            let len = items.len() as i64;
            let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
            let start = match b.get(1) {
                Some(v) => norm(slice_index(vm, v)?),
                None => 0,
            };
            let stop = match b.get(2) {
                Some(v) => norm(slice_index(vm, v)?),
                None => len,
            };
            for i in start..stop {
                if vm.eq(items[i as usize], b.req(0))? {
                    return Ok(vm.new_int(i));
                }
            }
            Err(vm.value_error("array.index(x): x not in array"))
        }),
        ("count", |vm, a| {
            let b = COUNT.bind(vm, &a)?;
            let ar = arr(vm, b.recv)?;
            let mut n = 0;
            for v in values(vm, ar) {
                if vm.eq(v, b.req(0))? {
                    n += 1;
                }
            }
            Ok(vm.new_int(n))
        }),
        ("reverse", |vm, a| {
            let recv = REVERSE.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            match ar.data.get() {
                Data::Int(d) => d.reverse(),
                Data::Float(d) => d.reverse(),
            }
            Ok(Value::NONE)
        }),
        ("tolist", |vm, a| {
            let recv = TOLIST.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            let v = values(vm, ar);
            Ok(vm.new_list(v))
        }),
        ("tobytes", |vm, a| {
            let recv = TOBYTES.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            Ok(vm.new_bytes(tobytes(ar)))
        }),
        ("frombytes", |vm, a| {
            let b = FROMBYTES.bind(vm, &a)?;
            let data = b.bytes(vm, 0)?;
            let ar = arr(vm, b.recv)?;
            frombytes(vm, ar, &data)?;
            Ok(Value::NONE)
        }),
        ("tounicode", |vm, a| {
            let recv = TOUNICODE.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            if ar.code != 'u' {
                return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
            }
            let text: String = match ar.data.get() {
                Data::Int(d) => d
                    .iter()
                    .map(|x| char::from_u32(*x as u32).unwrap_or('\u{fffd}'))
                    .collect(),
                Data::Float(_) => String::new(),
            };
            Ok(vm.new_string(text))
        }),
        ("buffer_info", |vm, a| {
            let recv = BUFFER_INFO.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            let addr = vm.new_int((recv.0 & 0xFFFF_FFFF_FFFF) as i64);
            let n = vm.new_int(len_of(ar) as i64);
            Ok(vm.new_tuple(vec![addr, n]))
        }),
        ("__len__", |vm, a| {
            let recv = NOARGS_SLOT.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            Ok(vm.new_int(len_of(ar) as i64))
        }),
        ("__iter__", |vm, a| {
            let recv = NOARGS_SLOT.bind(vm, &a)?.recv;
            let ar = arr(vm, recv)?;
            let v = values(vm, ar);
            let l = vm.new_list(v);
            vm.iter(l)
        }),
        ("__contains__", |vm, a| {
            let b = ONE_SLOT.bind(vm, &a)?;
            let ar = arr(vm, b.recv)?;
            for v in values(vm, ar) {
                if vm.eq(v, b.req(0))? {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        }),
        ("__getitem__", |vm, a| {
            let b = ONE_SLOT.bind(vm, &a)?;
            let (s, idx) = (b.recv, b.req(0));
            let ar = arr(vm, s)?;
            if is_slice(idx) {
                let pos = slice_positions(vm, ar, idx)?;
                let d = select(ar, &pos);
                return Ok(new_array(vm, vm.type_of(s), ar.code, d));
            }
            let i = norm_index(vm, ar, idx, "array index out of range")?;
            Ok(item_value(vm, ar, i))
        }),
        ("__setitem__", |vm, a| {
            let b = TWO_SLOT.bind(vm, &a)?;
            let (s, idx, v) = (b.recv, b.req(0), b.req(1));
            let ar = arr(vm, s)?;
            if is_slice(idx) {
                let Some(src) = native::<Arr>(v) else {
                    return Err(vm.type_error(&format!(
                        "can only assign array (not \"{}\") to array slice",
                        vm.type_name(v)
                    )));
                };
                if src.code != ar.code {
                    return Err(vm.type_error("bad argument type for built-in operation"));
                }
                let s2 = vm.slice_indices(idx, len_of(ar))?;
                let new = src.data.get().clone();
                if s2.step == 1 {
                    let start = s2.start as usize;
                    let stop = (s2.stop.max(s2.start)) as usize;
                    match (ar.data.get(), new) {
                        (Data::Int(d), Data::Int(e)) => {
                            d.splice(start..stop, e);
                        }
                        (Data::Float(d), Data::Float(e)) => {
                            d.splice(start..stop, e);
                        }
                        _ => {}
                    }
                    return Ok(Value::NONE);
                }
                let pos: Vec<usize> = (0..s2.len)
                    .map(|k| (s2.start + k as i64 * s2.step) as usize)
                    .collect();
                let n = match &new {
                    Data::Int(e) => e.len(),
                    Data::Float(e) => e.len(),
                };
                if n != pos.len() {
                    return Err(vm.value_error(&format!(
                        "attempt to assign array of size {n} to extended slice of size {}",
                        pos.len()
                    )));
                }
                match (ar.data.get(), new) {
                    (Data::Int(d), Data::Int(e)) => pos.iter().zip(e).for_each(|(p, x)| d[*p] = x),
                    (Data::Float(d), Data::Float(e)) => {
                        pos.iter().zip(e).for_each(|(p, x)| d[*p] = x)
                    }
                    _ => {}
                }
                return Ok(Value::NONE);
            }
            let i = norm_index(vm, ar, idx, "array assignment index out of range")?;
            if is_float_code(ar.code) {
                let f = to_float(vm, ar.code, v)?;
                if let Data::Float(d) = ar.data.get() {
                    d[i] = f;
                }
            } else {
                let x = to_int(vm, ar.code, v)?;
                if let Data::Int(d) = ar.data.get() {
                    d[i] = x;
                }
            }
            Ok(Value::NONE)
        }),
        ("__delitem__", |vm, a| {
            let b = ONE_SLOT.bind(vm, &a)?;
            let (s, idx) = (b.recv, b.req(0));
            let ar = arr(vm, s)?;
            let mut pos = if is_slice(idx) {
                slice_positions(vm, ar, idx)?
            } else {
                vec![norm_index(
                    vm,
                    ar,
                    idx,
                    "array assignment index out of range",
                )?]
            };
            pos.sort_unstable();
            for p in pos.into_iter().rev() {
                match ar.data.get() {
                    Data::Int(d) => {
                        d.remove(p);
                    }
                    Data::Float(d) => {
                        d.remove(p);
                    }
                }
            }
            Ok(Value::NONE)
        }),
        ("__add__", |vm, a| {
            let b = ONE_SLOT.bind(vm, &a)?;
            let (s, o) = (b.recv, b.req(0));
            let ar = arr(vm, s)?;
            let Some(other) = native::<Arr>(o) else {
                return Err(vm.type_error(&format!(
                    "can only append array (not \"{}\") to array",
                    vm.type_name(o)
                )));
            };
            if other.code != ar.code {
                return Err(vm.type_error("bad argument type for built-in operation"));
            }
            let mut d = ar.data.get().clone();
            match (&mut d, other.data.get()) {
                (Data::Int(x), Data::Int(y)) => x.extend_from_slice(y),
                (Data::Float(x), Data::Float(y)) => x.extend_from_slice(y),
                _ => {}
            }
            Ok(new_array(vm, vm.type_of(s), ar.code, d))
        }),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__eq__", |vm, a| array_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| array_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| array_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| array_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| array_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| array_cmp(vm, a, CmpOp::Ge)),
        ("__copy__", |vm, a| {
            let s = COPY.bind(vm, &a)?.recv;
            let ar = arr(vm, s)?;
            let d = ar.data.get().clone();
            Ok(new_array(vm, vm.type_of(s), ar.code, d))
        }),
    ];
    for (name, f) in fns {
        add_method_as(vm, t, name, *f);
    }
    for (name, f) in [
        (
            "typecode",
            (|vm, a| {
                let recv = NOARGS_SLOT.bind(vm, &a)?.recv;
                let ar = getter_arr(vm, recv, "typecode")?;
                Ok(vm.new_string(ar.code.to_string()))
            }) as crate::object::NativeFn,
        ),
        ("itemsize", |vm, a| {
            let recv = NOARGS_SLOT.bind(vm, &a)?.recv;
            let ar = getter_arr(vm, recv, "itemsize")?;
            Ok(vm.new_int(itemsize(ar.code) as i64))
        }),
    ] {
        let g = vm.new_builtin(name, f);
        let p = vm.new_readonly_property(g);
        let k = vm.intern(name);
        vm.type_set_attr(t, k, p);
    }
    let hk = vm.intern("__hash__");
    vm.type_set_attr(t, hk, Value::NONE);
    let _ = ty;
    Ok(m)
}

/// The array behind a getter's receiver (`typecode`, `itemsize`).
fn getter_arr(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static Arr> {
    match native::<Arr>(v) {
        Some(a) => Ok(a),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'array.array' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

fn array_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = ONE_SLOT.bind(vm, &a)?;
    let (s, count) = (b.recv, b.req(0));
    let ar = arr(vm, s)?;
    let Some(n) = vm.to_i64(count) else {
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(count)
        )));
    };
    let n = n.max(0) as usize;
    let len = match ar.data.get() {
        Data::Int(x) => x.len(),
        Data::Float(x) => x.len(),
    };
    vm.check_alloc(n as u128 * len as u128, 8)?;
    let n = if len == 0 { 0 } else { n };
    let d = match ar.data.get() {
        Data::Int(x) => Data::Int(x.repeat(n)),
        Data::Float(x) => Data::Float(x.repeat(n)),
    };
    Ok(new_array(vm, vm.type_of(s), ar.code, d))
}
