//! `binascii`: hex, base64, CRC-32 and CRC-CCITT conversions (what `base64`,
//! `zipfile`, `uuid` and `secrets` use). The byte loops are native; argument
//! conversion and the `Error`/`Incomplete` classes are Python below, with
//! CPython's messages. Not provided: the uuencode and quoted-printable codecs.

use crate::builtins::signature::{Sig, to_index};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("binascii", init);
}

/// The private helpers' parameters: the Python functions below convert the
/// public arguments (with CPython's messages) and pass both.
const A2B_BASE64: Sig<2> = Sig::new("_a2b_base64", ["data", "strict_mode"]);
const B2A_BASE64: Sig<2> = Sig::new("_b2a_base64", ["data", "newline"]);
const CRC32: Sig<2> = Sig::new("_crc32", ["data", "crc"]);
const CRC_HQX: Sig<2> = Sig::new("_crc_hqx", ["data", "crc"]);

/// A CRC argument as CPython's `unsigned int(bitwise=True)` reads it: any int,
/// its low 32 bits.
fn crc_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let x = to_index(vm, v)?;
    let big = vm.to_bigint(x).unwrap_or_default();
    let mask = num_bigint::BigInt::from(u32::MAX);
    Ok(u32::try_from(big & mask).unwrap_or(0))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

/// `_a2b_base64(data, strict)`: the decoded bytes, or a str naming the error.
fn a2b_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = A2B_BASE64.bind(vm, &a)?;
    let data = b.bytes(vm, 0)?;
    let strict = b.truth(vm, 1, false)?;
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut acc, mut bits, mut quads, mut pads) = (0u32, 0u32, 0usize, 0usize);
    let err = |vm: &mut Vm, m: &str| Ok(vm.new_str(m));
    if strict && data.first() == Some(&b'=') {
        return err(vm, "Leading padding not allowed");
    }
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            if quads >= 2 && quads + pads + 1 >= 4 {
                if strict && i + 1 < data.len() {
                    return err(vm, "Excess data after padding");
                }
                quads = 0;
                acc = 0;
                bits = 0;
                pads = 0;
                if !strict {
                    // CPython stops at the first complete padding
                    return Ok(vm.new_bytes(out));
                }
                continue;
            }
            pads += 1;
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return err(vm, "Only base64 data is allowed");
            }
            continue;
        };
        if strict && pads > 0 {
            return err(vm, "Discontinuous padding not allowed");
        }
        pads = 0;
        acc = (acc << 6) | v;
        bits += 6;
        quads = (quads + 1) % 4;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if quads != 0 {
        if quads == 1 {
            let n = data.iter().filter(|c| b64_value(**c).is_some()).count();
            return Ok(vm.new_string(format!(
                "Invalid base64-encoded string: number of data characters ({n}) cannot be 1 more than a multiple of 4"
            )));
        }
        return err(vm, "Incorrect padding");
    }
    Ok(vm.new_bytes(out))
}

fn b2a_base64(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = B2A_BASE64.bind(vm, &a)?;
    let data = b.bytes(vm, 0)?;
    let newline = b.truth(vm, 1, true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for ch in data.chunks(3) {
        let n = (ch[0] as u32) << 16
            | (*ch.get(1).unwrap_or(&0) as u32) << 8
            | *ch.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if ch.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if ch.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn crc32(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = CRC32.bind(vm, &a)?;
    let data = b.bytes(vm, 0)?;
    let start = crc_arg(vm, b.req(1))?;
    let mut crc = !start;
    for b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(vm.new_int(!crc as i64))
}

fn crc_hqx(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = CRC_HQX.bind(vm, &a)?;
    let data = b.bytes(vm, 0)?;
    let mut crc = crc_arg(vm, b.req(1))? & 0xFFFF;
    for b in data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            } & 0xFFFF;
        }
    }
    Ok(Value::small_int(crc as i64))
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("binascii");
    let d = vm.module_dict(m);
    vm.add_fn(d, "_a2b_base64", a2b_base64);
    vm.add_fn(d, "_b2a_base64", b2a_base64);
    vm.add_fn(d, "_crc32", crc32);
    vm.add_fn(d, "_crc_hqx", crc_hqx);
    crate::modules::itertools::run_source(vm, m, SRC, "<binascii>")?;
    Ok(m)
}

const SRC: &str = r#"
class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = Incomplete.__module__ = "binascii"


def _data(data, ascii_str):
    if isinstance(data, str) and ascii_str:
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    if hasattr(data, "tobytes"):
        return data.tobytes()
    what = "bytes-like object or ASCII string" if ascii_str else "bytes-like object"
    raise TypeError(f"a {what} is required, not '{type(data).__name__}'")


def b2a_base64(data, *, newline=True):
    return _b2a_base64(_data(data, False), bool(newline))


def a2b_base64(data, *, strict_mode=False):
    r = _a2b_base64(_data(data, True), bool(strict_mode))
    if isinstance(r, str):
        raise Error(r)
    return r


def crc32(data, crc=0):
    return _crc32(_data(data, False), crc)


def crc_hqx(data, crc):
    return _crc_hqx(_data(data, False), crc)


def hexlify(data, sep=None, bytes_per_sep=1):
    return bytes(_data(data, False).hex(*(() if sep is None else (sep, bytes_per_sep))), "ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    b = _data(hexstr, True)
    if len(b) % 2:
        raise Error("Odd-length string")
    s = b.decode("latin-1")
    if s.strip("0123456789abcdefABCDEF"):
        raise Error("Non-hexadecimal digit found")
    return bytes.fromhex(s)


a2b_hex = unhexlify
"#;
