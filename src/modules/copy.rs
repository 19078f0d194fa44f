//! The `copy` module (shallow and deep copies), written in Python like CPython's.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const PY_SRC: &str = r#"
class Error(Exception):
    pass

error = Error

_atomic = (type(None), int, float, complex, bool, str, bytes, range, type, frozenset,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def _new_like(x, memo=None):
    # copyreg.__newobj__(cls, *x.__getnewargs__()), as object.__reduce_ex__ makes
    cls = type(x)
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is None:
        return object.__new__(cls)
    args = getnewargs()
    if memo is not None:
        args = deepcopy(args, memo)
    return cls.__new__(cls, *args)


def _own_reduce(cls):
    # A class with its own __reduce_ex__ or __reduce__ copies through it, as every
    # class does in CPython; the others take the shortcuts below.
    return (getattr(cls, "__reduce_ex__", None) is not object.__reduce_ex__
            or getattr(cls, "__reduce__", None) is not object.__reduce__)


def _reduce(x):
    rv = x.__reduce_ex__(4)
    if isinstance(rv, str):
        return rv
    if not isinstance(rv, tuple):
        raise Error("un(deep)copyable object of type %s" % type(x))
    return rv


def _get_state(x):
    # object.__getstate__: the instance dict, None when empty
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    return getattr(x, '__dict__', None) or None


def _set_state(y, state):
    if state is None:
        return
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
        return
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    else:
        slotstate = None
    if state is not None:
        y.__dict__.update(state)
    if slotstate is not None:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
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
    if _own_reduce(cls):
        rv = _reduce(x)
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    if isinstance(x, (list, dict, set)):
        y = cls()
        if isinstance(x, dict):
            y.update(x)
        elif isinstance(x, list):
            y.extend(x)
        else:
            y.update(x)
        _set_state(y, _get_state(x))
        return y
    y = _new_like(x)
    _set_state(y, _get_state(x))
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
    if _own_reduce(cls):
        rv = _reduce(x)
        if isinstance(rv, str):
            return x
        y = _reconstruct(x, memo, *rv)
        # keep the object alive, as CPython's deepcopy does
        memo.setdefault(id(memo), []).append(x)
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
        y = _new_like(x, memo)
        memo[d] = y
    state = _get_state(x)
    if state is not None:
        _set_state(y, deepcopy(state, memo))
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
