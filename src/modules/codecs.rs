//! `_codecs`, under the standard library's `codecs` and `encodings`: the codec
//! registry (register, lookup through the `encodings` package's search function),
//! encode/decode, error handlers, and the UTF-8, Latin-1 and ASCII codec
//! functions over Coil's own `str.encode`/`bytes.decode`. Codec functions Coil
//! has no implementation for exist (the `encodings` modules name them when they
//! load) and raise NotImplementedError when called.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_codecs", init);
}

const SRC: &str = r#"
_search = []
_cache = {}
_errors = {}


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search.append(search_function)


def unregister(search_function):
    if search_function in _search:
        _search.remove(search_function)
    _cache.clear()


def _normalize(encoding):
    return encoding.lower().replace(" ", "_")


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    if not _search:
        import encodings
    for f in _search:
        r = f(key)
        if r is not None:
            if not isinstance(r, tuple) or len(r) != 4:
                raise TypeError("codec search functions must return 4-tuples")
            _cache[key] = r
            return r
    raise LookupError(f"unknown encoding: {encoding}")


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def encode(obj, encoding="utf-8", errors="strict"):
    r = lookup(encoding).encode(obj, errors)
    return r[0]


def decode(obj, encoding="utf-8", errors="strict"):
    r = lookup(encoding).decode(obj, errors)
    return r[0]


def register_error(name, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _errors[name] = handler


def lookup_error(name):
    try:
        return _errors[name]
    except KeyError:
        raise LookupError(f"unknown error handler name '{name}'") from None


def _handler(name):
    def handler(exc):
        if name == "strict":
            raise exc
        if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
            raise TypeError(f"don't know how to handle {type(exc).__name__} in error callback")
        if name == "ignore":
            return ("", exc.end)
        if name == "replace":
            if isinstance(exc, UnicodeDecodeError):
                return ("\ufffd", exc.end)
            return ("?" * (exc.end - exc.start), exc.end)
        bad = exc.object[exc.start:exc.end]
        if name == "backslashreplace":
            if isinstance(exc, UnicodeDecodeError):
                return ("".join(f"\\x{b:02x}" for b in bad), exc.end)
            out = []
            for c in bad:
                n = ord(c)
                out.append(f"\\x{n:02x}" if n < 256 else f"\\u{n:04x}" if n < 65536 else f"\\U{n:08x}")
            return ("".join(out), exc.end)
        if name == "xmlcharrefreplace":
            return ("".join(f"&#{ord(c)};" for c in bad), exc.end)
        raise NotImplementedError(f"Coil does not support the {name!r} error handler yet")
    handler.__name__ = name + "_errors"
    return handler


for _n in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
           "namereplace", "surrogateescape", "surrogatepass"):
    _errors[_n] = _handler(_n)
del _n


def _enc(name):
    def f(s, errors=None):
        if not isinstance(s, str):
            raise TypeError(f"{name}_encode() argument 1 must be str, not {type(s).__name__}")
        return (s.encode(name, errors or "strict"), len(s))
    f.__name__ = name + "_encode"
    return f


def _dec(name):
    def f(data, errors=None, final=False):
        data = bytes(data)
        n = len(data)
        if name == "utf-8" and not final:
            # leave an incomplete trailing sequence for the next call
            i = n - 1
            while i >= 0 and i > n - 4 and data[i] & 0xC0 == 0x80:
                i -= 1
            if i >= 0:
                lead = data[i]
                need = 2 if lead >= 0xC0 else 1
                need = 3 if lead >= 0xE0 else need
                need = 4 if lead >= 0xF0 else need
                if lead >= 0xC0 and n - i < need:
                    n = i
        return (data[:n].decode(name, errors or "strict"), n)
    f.__name__ = name.replace("-", "_") + "_decode"
    return f


utf_8_encode = _enc("utf-8")
utf_8_decode = _dec("utf-8")
latin_1_encode = _enc("latin-1")
latin_1_decode = _dec("latin-1")
ascii_encode = _enc("ascii")
ascii_decode = _dec("ascii")
unicode_escape_encode = _enc("unicode_escape")
unicode_escape_decode = _dec("unicode_escape")
raw_unicode_escape_encode = _enc("raw_unicode_escape")
raw_unicode_escape_decode = _dec("raw_unicode_escape")


def charmap_build(decoding_table):
    return {ord(c): i for i, c in enumerate(decoding_table)}


def _missing(name):
    def f(*args, **kwargs):
        raise NotImplementedError(f"Coil does not support the codec function _codecs.{name} yet")
    f.__name__ = name
    return f


for _n in ("utf_7_encode", "utf_7_decode", "utf_16_encode", "utf_16_decode",
           "utf_16_le_encode", "utf_16_le_decode", "utf_16_be_encode", "utf_16_be_decode",
           "utf_16_ex_decode", "utf_32_encode", "utf_32_decode", "utf_32_le_encode",
           "utf_32_le_decode", "utf_32_be_encode", "utf_32_be_decode", "utf_32_ex_decode",
           "escape_encode", "escape_decode", "charmap_encode",
           "charmap_decode", "readbuffer_encode"):
    globals()[_n] = _missing(_n)
del _n
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_codecs");
    crate::modules::itertools::run_source(vm, m, SRC, "<_codecs>")?;
    Ok(m)
}
