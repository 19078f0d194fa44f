//! `_contextvars` (ContextVar, Token, Context, copy_context) for a single-threaded
//! interpreter without an event loop: one current context, switched by
//! `Context.run`. Written in Python over the builtins.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_contextvars", init);
}

const SRC: &str = r#"
_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    var = property(lambda self: self._var)
    old_value = property(lambda self: self._old_value)

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


class Context:
    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        global _current
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        prev = _current
        _current = self
        self._entered = True
        try:
            return callable(*args, **kwargs)
        finally:
            self._entered = False
            _current = prev

    def copy(self):
        c = Context()
        c._vars = dict(self._vars)
        return c

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars.get(var, default)

    def __contains__(self, var):
        return var in self._vars

    def __iter__(self):
        return iter(self._vars)

    def __len__(self):
        return len(self._vars)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    name = property(lambda self: self._name)

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get() takes at most 1 argument ({len(args)} given)")
        try:
            return _current._vars[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        old = ctx._vars.get(self, _MISSING)
        ctx._vars[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        if token._context is not _current:
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old_value is _MISSING:
            _current._vars.pop(self, None)
        else:
            _current._vars[self] = token._old_value
        token._used = True

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        d = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{d} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


def copy_context():
    return _current.copy()


_GenericAlias = type(list[int])
_current = Context()
for _c in (Token, Context, ContextVar):
    _c.__module__ = "_contextvars"
del _c
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_contextvars");
    crate::modules::itertools::run_source(vm, m, SRC, "<_contextvars>")?;
    Ok(m)
}
