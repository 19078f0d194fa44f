//! `_struct` (under the standard library's `struct`): pack, unpack, calcsize,
//! pack_into, unpack_from, iter_unpack and `Struct`, for every format code of
//! CPython's (native `@` sizes and alignment of x86-64/AArch64 Linux, and the
//! standard `= < > !` ones). The layout logic is Python over `int.to_bytes`;
//! floats go through two native helpers (IEEE 754 half, single and double).

use crate::builtins::signature::Sig;
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_struct", init);
}

const SRC: &str = r#"
class error(Exception):
    pass


error.__module__ = "struct"

# code -> (native size, native alignment, standard size)
_SIZES = {
    "x": (1, 1, 1), "c": (1, 1, 1), "b": (1, 1, 1), "B": (1, 1, 1), "?": (1, 1, 1),
    "h": (2, 2, 2), "H": (2, 2, 2), "i": (4, 4, 4), "I": (4, 4, 4), "l": (8, 8, 4),
    "L": (8, 8, 4), "q": (8, 8, 8), "Q": (8, 8, 8), "n": (8, 8, None), "N": (8, 8, None),
    "e": (2, 2, 2), "f": (4, 4, 4), "d": (8, 8, 8), "s": (1, 1, 1), "p": (1, 1, 1),
    "P": (8, 8, None),
}


_MAXSIZE = (1 << 63) - 1


def _parse(fmt, build=True):
    if build:
        # sizes first: an overlong format fails before any item is made
        _parse(fmt, False)
    if isinstance(fmt, (bytes, bytearray)):
        fmt = fmt.decode("ascii")
    if not isinstance(fmt, str):
        raise TypeError(f"Struct() argument 1 must be a str or bytes object, not {type(fmt).__name__}")
    order = "@"
    body = fmt
    if body[:1] in "@=<>!":
        order = body[0]
        body = body[1:]
    native = order == "@"
    little = order in "<=" or (native and _sys_little)
    items = []
    size = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < len(body) and body[j].isdigit():
                j += 1
            count = int(body[i:j])
            i = j
            if i >= len(body):
                raise error("repeat count given without format specifier")
            c = body[i]
        i += 1
        if c not in _SIZES:
            raise error("bad char in struct format")
        nsize, nalign, ssize = _SIZES[c]
        if not native and ssize is None:
            raise error("bad char in struct format")
        sz = nsize if native else ssize
        if native and c not in "sp":
            size += (-size) % nalign
        n = 1 if count is None else count
        if n > _MAXSIZE or size + n * sz > _MAXSIZE:
            raise error("total struct size too long")
        if c in "sp":
            items.append((c, size, n))
            size += n
        elif c == "x":
            size += n
        elif not build:
            size += n * sz
        else:
            for _ in range(n):
                items.append((c, size, sz))
                size += sz
    return items, size, little, native


def _int_arg(v):
    if isinstance(v, int):
        return v
    f = getattr(type(v), "__index__", None)
    if f is None:
        raise error("required argument is not an integer")
    return f(v)


def _range_message(c, sz, v, lo, hi):
    # CPython's wording differs by code and by how far out the number is
    names = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}
    if c in names:
        return f"{names[c]} format requires {lo} <= number <= {hi}"
    if sz == 4 and -(1 << 63) <= v < (1 << 63) and (lo < 0 or v > 0):
        return f"'{c}' format requires {lo} <= number <= {hi}"
    return "argument out of range"


class Struct:
    def __init__(self, format):
        self._items, self.size, self._little, self._native = _parse(format)
        self.format = format.decode("ascii") if isinstance(format, (bytes, bytearray)) else format
        self._nargs = len(self._items)

    def pack(self, *args):
        buf = bytearray(self.size)
        self._pack_into(buf, 0, args)
        return bytes(buf)

    def pack_into(self, buffer, offset, *args):
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or offset + self.size > len(buffer):
            raise error(f"pack_into requires a buffer of at least {self.size + offset} bytes for packing {self.size} bytes at offset {offset} (actual buffer size is {len(buffer)})")
        self._pack_into(buffer, offset, args)

    def _pack_into(self, buf, base, args):
        if len(args) != self._nargs:
            raise error(f"pack expected {self._nargs} items for packing (got {len(args)})")
        order = "little" if self._little else "big"
        for (c, off, sz), v in zip(self._items, args):
            off += base
            if c in "sp":
                if not isinstance(v, (bytes, bytearray)):
                    raise error(f"argument for '{c}' must be a bytes object")
                data = bytes(v)
                if c == "p":
                    n = min(len(data), sz - 1, 255) if sz else 0
                    data = bytes([n]) + data[:n] if sz else b""
                data = data[:sz]
                buf[off:off + len(data)] = data
                buf[off + len(data):off + sz] = bytes(sz - len(data))
            elif c == "c":
                if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                    raise error("char format requires a bytes object of length 1")
                buf[off] = v[0]
            elif c == "?":
                buf[off] = 1 if v else 0
            elif c in "efd":
                if not isinstance(v, (int, float)):
                    raise error("required argument is not a float")
                buf[off:off + sz] = _float_pack(float(v), sz, self._little)
            else:
                if not isinstance(v, int) and getattr(type(v), "__index__", None) is None:
                    raise error("required argument is not an integer")
                v = _int_arg(v)
                signed = c in "bhilqnP" and c != "P"
                bits = sz * 8
                lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
                if not lo <= v <= hi:
                    raise error(_range_message(c, sz, v, lo, hi))
                buf[off:off + sz] = v.to_bytes(sz, order, signed=signed)

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error(f"unpack requires a buffer of {self.size} bytes")
        return self._unpack_from(bytes(buffer), 0)

    def unpack_from(self, buffer, offset=0):
        data = bytes(buffer)
        if offset < 0:
            offset += len(data)
        if offset < 0 or len(data) - offset < self.size:
            raise error(f"unpack_from requires a buffer of at least {self.size + offset} bytes for unpacking {self.size} bytes at offset {offset} (actual buffer size is {len(data)})")
        return self._unpack_from(data, offset)

    def _unpack_from(self, data, base):
        order = "little" if self._little else "big"
        out = []
        for c, off, sz in self._items:
            off += base
            chunk = data[off:off + sz]
            if c == "s":
                out.append(chunk)
            elif c == "p":
                n = min(chunk[0], sz - 1) if sz else 0
                out.append(chunk[1:1 + n])
            elif c == "c":
                out.append(chunk)
            elif c == "?":
                out.append(chunk != b"\x00")
            elif c in "efd":
                out.append(_float_unpack(chunk, self._little))
            else:
                out.append(int.from_bytes(chunk, order, signed=c in "bhilqn"))
        return tuple(out)

    def iter_unpack(self, buffer):
        data = bytes(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self.size:
            raise error(f"iterative unpacking requires a buffer of a multiple of {self.size} bytes")
        return (self._unpack_from(data, i) for i in range(0, len(data), self.size))

    def __repr__(self):
        return f"Struct({self.format!r})"


_cache = {}


def _get(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = _cache[fmt] = Struct(fmt)
    return s


def _clearcache():
    _cache.clear()


def calcsize(fmt):
    return _get(fmt).size


def pack(fmt, *args):
    return _get(fmt).pack(*args)


def pack_into(fmt, buffer, offset, *args):
    return _get(fmt).pack_into(buffer, offset, *args)


def unpack(fmt, buffer):
    return _get(fmt).unpack(buffer)


def unpack_from(fmt, buffer, offset=0):
    return _get(fmt).unpack_from(buffer, offset)


def iter_unpack(fmt, buffer):
    return _get(fmt).iter_unpack(buffer)


Struct.__module__ = "_struct"
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_struct");
    let d = vm.module_dict(m);
    let k = vm.intern("_sys_little");
    vm.dict_set_str(d, k, Value::bool(cfg!(target_endian = "little")));
    vm.add_fn(d, "_float_pack", float_pack);
    vm.add_fn(d, "_float_unpack", float_unpack);
    crate::modules::itertools::run_source(vm, m, SRC, "<_struct>")?;
    Ok(m)
}

/// `_float_pack(x, size, little)`: the IEEE 754 bytes of x in 2, 4 or 8 bytes.
fn float_pack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const FLOAT_PACK: Sig<3> = Sig::new("_float_pack", ["x", "size", "little"]);
    let b = FLOAT_PACK.bind(vm, &a)?;
    let x = b.f64(vm, 0)?;
    let size = b.ssize(vm, 1)?;
    let little = vm.truthy(b.req(2))?;
    let mut bytes = match size {
        2 => {
            if x.is_finite() && x.abs() >= 65520.0 {
                return Err(vm.error("OverflowError", "float too large to pack with e format"));
            }
            f64_to_f16(x).to_be_bytes().to_vec()
        }
        4 => {
            if x.is_finite() && (x as f32).is_infinite() {
                return Err(vm.error("OverflowError", "float too large to pack with f format"));
            }
            (x as f32).to_be_bytes().to_vec()
        }
        _ => x.to_be_bytes().to_vec(),
    };
    if little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// `_float_unpack(data, little)`: the float in 2, 4 or 8 IEEE 754 bytes.
fn float_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const FLOAT_UNPACK: Sig<2> = Sig::new("_float_unpack", ["data", "little"]);
    let args = FLOAT_UNPACK.bind(vm, &a)?;
    let mut b: Vec<u8> = match args.req(0).as_obj().map(|o| &o.data) {
        Some(crate::object::ObjData::Bytes(b)) => b.to_vec(),
        _ => return Err(vm.type_error("_float_unpack needs bytes")),
    };
    if vm.truthy(args.req(1))? {
        b.reverse();
    }
    let x = match b.len() {
        2 => f16_to_f64(u16::from_be_bytes([b[0], b[1]])),
        4 => f32::from_be_bytes([b[0], b[1], b[2], b[3]]) as f64,
        8 => f64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        _ => return Err(vm.value_error("bad float size")),
    };
    Ok(Value::float(x))
}

/// IEEE 754 half precision, rounding to nearest even (as CPython's PyFloat_Pack2).
fn f64_to_f16(x: f64) -> u16 {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return sign | 0x7e00;
    }
    let a = x.abs();
    if a.is_infinite() {
        return sign | 0x7c00;
    }
    if a == 0.0 {
        return sign;
    }
    // value = m * 2^e with m in [1, 2)
    let mut e = a.log2().floor() as i32;
    if a / 2f64.powi(e) >= 2.0 {
        e += 1;
    }
    if e < -14 {
        // subnormal: units of 2^-24
        let q = round_half_even(a / 2f64.powi(-24));
        return sign | q as u16;
    }
    let m = a / 2f64.powi(e) - 1.0;
    let mut frac = round_half_even(m * 1024.0) as u32;
    if frac == 1024 {
        frac = 0;
        e += 1;
    }
    sign | (((e + 15) as u16) << 10) | frac as u16
}

fn round_half_even(v: f64) -> f64 {
    let r = v.round();
    if (v - v.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - v.signum()
    } else {
        r
    }
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}
