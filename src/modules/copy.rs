//! The `copy` module (shallow and deep copies), written in Python like CPython's.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const PY_SRC: &str = r#"
class Error(Exception):
    pass

error = Error

_atomic = (type(None), int, float, complex, bool, str, bytes, range, type, frozenset,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def _new_like(x):
    cls = type(x)
    y = object.__new__(cls)
    return y


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is slice or cls is property or isinstance(x, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    c = getattr(cls, "__copy__", None)
    if c is not None:
        return c(x)
    if isinstance(x, (list, dict, set)):
        y = cls()
        if isinstance(x, dict):
            y.update(x)
        elif isinstance(x, list):
            y.extend(x)
        else:
            y.update(x)
        if hasattr(x, "__dict__"):
            y.__dict__.update(x.__dict__)
        return y
    y = _new_like(x)
    if hasattr(x, "__dict__"):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or cls is property or isinstance(x, type):
        return x
    if cls is slice:
        y = slice(deepcopy(x.start, memo), deepcopy(x.stop, memo), deepcopy(x.step, memo))
        memo[d] = y
        return y
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
        memo[d] = y
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
        return y
    c = getattr(x, "__deepcopy__", None)
    if c is not None:
        y = c(memo)
        memo[d] = y
        return y
    if isinstance(x, (list, dict, set)):
        y = cls()
        memo[d] = y
        if isinstance(x, dict):
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        elif isinstance(x, list):
            for a in x:
                y.append(deepcopy(a, memo))
        else:
            for a in x:
                y.add(deepcopy(a, memo))
    else:
        y = _new_like(x)
        memo[d] = y
    if hasattr(x, "__dict__"):
        for k, v in x.__dict__.items():
            setattr(y, k, deepcopy(v, memo))
    return y
"#;

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("copy", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("copy");
    crate::modules::itertools::run_source(vm, m, PY_SRC, "<copy>")?;
    Ok(m)
}
