//! The `_string` module behind CPython's own string.py (its Formatter): the parser of
//! str.format's syntax.

use crate::builtins::signature::Sig;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_string", init_private);
}

/// `_string`: the parser of str.format's syntax that `string.Formatter` uses, with
/// the same rules and messages as `str.format` (src/builtins/format.rs). Errors are
/// raised as the iteration reaches them, as CPython's iterators do.
const PRIVATE_SRC: &str = r##"
"""string helper module"""

def _iterate(items, error):
    yield from items
    if error is not None:
        raise ValueError(error)


def formatter_parser(s, /):
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'formatter_parser' for 'str' objects doesn't apply to a '{type(s).__name__}' object")
    return _iterate(*_parse(s))


def _key(text):
    if text.isdigit() and text.isascii():
        if len(text) > 18:
            raise ValueError("Too many decimal digits in format string")
        return int(text)
    return text


def _rest(rest):
    i = 0
    n = len(rest)
    while i < n:
        if rest[i] == '.':
            st = i = i + 1
            while i < n and rest[i] not in '.[':
                i += 1
            if i == st:
                raise ValueError("Empty attribute in format string")
            yield (True, rest[st:i])
        elif rest[i] == '[':
            st = i = i + 1
            while i < n and rest[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == st:
                raise ValueError("Empty attribute in format string")
            key = _key(rest[st:i])
            i += 1
            if i < n and rest[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            yield (False, key)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def formatter_field_name_split(s, /):
    if not isinstance(s, str):
        raise TypeError(f"descriptor 'formatter_field_name_split' for 'str' objects doesn't apply to a '{type(s).__name__}' object")
    end = len(s)
    for j, c in enumerate(s):
        if c in '.[':
            end = j
            break
    first = s[:end]
    if first:
        first = _key(first)
    return first, _rest(s[end:])
"##;

fn init_private(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_string");
    let d = vm.module_dict(m);
    vm.add_fn(d, "_parse", parse);
    crate::modules::itertools::run_source(vm, m, PRIVATE_SRC, "<_string>")?;
    Ok(m)
}

/// `_string._parse(s)`: ([(literal, name, spec, conversion), ...], error or None).
fn parse(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    const PARSE: Sig<1> = Sig::new("_parse", ["s"]);
    let v = PARSE.bind(vm, &a)?.req(0);
    if !vm.is_str(v) {
        return Err(vm.type_error("_parse() argument must be str"));
    }
    let s = crate::vm::str_of(crate::builtins::str::payload(v)).to_string();
    let (pieces, err) = crate::builtins::format::parse_format(&s);
    let base = vm.temp_roots.len();
    let mut items = Vec::with_capacity(pieces.len());
    for (lit, f) in pieces {
        let lit = vm.new_string(lit);
        vm.temp_roots.push(lit);
        let t = match f {
            None => vm.new_tuple(vec![lit, Value::NONE, Value::NONE, Value::NONE]),
            Some(f) => {
                let name = vm.new_string(f.name);
                vm.temp_roots.push(name);
                let spec = vm.new_string(f.spec);
                vm.temp_roots.push(spec);
                let conv = match f.conv {
                    Some(c) => vm.new_string(c.to_string()),
                    None => Value::NONE,
                };
                vm.temp_roots.push(conv);
                let t = vm.new_tuple(vec![lit, name, spec, conv]);
                vm.temp_roots.truncate(vm.temp_roots.len() - 3);
                t
            }
        };
        vm.temp_roots.pop();
        vm.temp_roots.push(t);
        items.push(t);
    }
    let l = vm.new_list(items);
    vm.temp_roots.truncate(base);
    vm.temp_roots.push(l);
    let e = match err {
        Some(e) => vm.new_str(e),
        None => Value::NONE,
    };
    vm.temp_roots.pop();
    Ok(vm.new_tuple(vec![l, e]))
}
