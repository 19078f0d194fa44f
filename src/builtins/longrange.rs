//! Ranges whose bounds do not fit 64 bits (`range(1 << 1000)`, which the standard
//! library's `_collections_abc` makes to name `longrange_iterator`): a class
//! written in Python over Coil's big ints, made on first use, with the built-in
//! range's behaviour (len, indexing, slicing, `in`, iteration both ways, equality).
//! Ranges that fit stay the built-in type.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const SRC: &str = r#"
_small = range(0)
_small_range = type(_small)


def _index(v):
    if isinstance(v, int):
        return int(v)
    f = getattr(type(v), "__index__", None)
    if f is None:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return f(v)


class longrange_iterator:
    # CPython 3.11's: the range's start, step and length, and an index into it
    __slots__ = ("_start", "_step", "_len", "_index")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'longrange_iterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        i = self._index
        if i >= self._len:
            raise StopIteration
        self._index = i + 1
        return self._start + i * self._step

    def __length_hint__(self):
        return self._len - self._index

    def __reduce__(self):
        stop = self._start + self._len * self._step
        return (iter, (_small_range(self._start, stop, self._step),), self._index)

    def __setstate__(self, state):
        # (the index is clipped to the range, as CPython's)
        if state < 0:
            state = 0
        if self._len < state:
            state = self._len
        self._index = state


def _iterator(start, step, n):
    it = object.__new__(longrange_iterator)
    it._start, it._step, it._len, it._index = start, step, n, 0
    return it


class range:
    __slots__ = ("_start", "_stop", "_step")

    def __init__(self, *args):
        args = [_index(a) for a in args]
        if len(args) == 1:
            start, stop, step = 0, args[0], 1
        else:
            start, stop, step = (args + [1])[:3]
        if step == 0:
            raise ValueError("range() arg 3 must not be zero")
        self._start, self._stop, self._step = start, stop, step

    start = property(lambda self: self._start)
    stop = property(lambda self: self._stop)
    step = property(lambda self: self._step)

    def _len(self):
        lo, hi, st = self._start, self._stop, self._step
        if st > 0 and lo < hi:
            return (hi - lo - 1) // st + 1
        if st < 0 and lo > hi:
            return (lo - hi - 1) // (-st) + 1
        return 0

    def __len__(self):
        n = self._len()
        if n >= 1 << 63:
            raise OverflowError("Python int too large to convert to C ssize_t")
        return n

    def __bool__(self):
        return self._len() > 0

    def __iter__(self):
        return _iterator(self._start, self._step, self._len())

    def __reversed__(self):
        n = self._len()
        return _iterator(self._start + (n - 1) * self._step, -self._step, n)

    def __getitem__(self, i):
        n = self._len()
        if isinstance(i, slice):
            start, stop, step = i.indices(n) if n < (1 << 62) else _big_indices(i, n)
            return range(self._start + start * self._step,
                         self._start + stop * self._step, self._step * step)
        i = _index(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("range object index out of range")
        return self._start + i * self._step

    def __contains__(self, v):
        if type(v) is not int and type(v) is not bool:
            return any(x == v for x in self)
        if self._step > 0:
            ok = self._start <= v < self._stop
        else:
            ok = self._stop < v <= self._start
        return ok and (v - self._start) % self._step == 0

    def index(self, v):
        if type(v) is int or type(v) is bool:
            if v in self:
                return (v - self._start) // self._step
            raise ValueError(f"{v!r} is not in range")
        for i, x in enumerate(self):
            if x is v or x == v:
                return i
        raise ValueError("sequence.index(x): x not in sequence")

    def count(self, v):
        if type(v) is int or type(v) is bool:
            return 1 if v in self else 0
        return sum(1 for x in self if x is v or x == v)

    def __eq__(self, other):
        if not isinstance(other, (range, type(_small))):
            return NotImplemented
        n = self._len()
        if n != (other._len() if isinstance(other, range) else len(other)):
            return False
        if n == 0:
            return True
        if self._start != other.start:
            return False
        return n == 1 or self._step == other.step

    def __hash__(self):
        n = self._len()
        if n == 0:
            return hash((0, None, None))
        if n == 1:
            return hash((1, self._start, None))
        return hash((n, self._start, self._step))

    def __repr__(self):
        if self._step == 1:
            return f"range({self._start}, {self._stop})"
        return f"range({self._start}, {self._stop}, {self._step})"

    def __reduce__(self):
        # (by the built-in range, which makes this class for such bounds)
        return (_small_range, (self._start, self._stop, self._step))


def _big_indices(s, n):
    step = 1 if s.step is None else _index(s.step)
    lower, upper = (-1, n - 1) if step < 0 else (0, n)
    def fix(v, default):
        if v is None:
            return default
        v = _index(v)
        if v < 0:
            return max(v + n, lower)
        return min(v, upper)
    return fix(s.start, upper if step < 0 else lower), fix(s.stop, lower if step < 0 else upper), step

"#;

/// `range(*args)` when a bound does not fit 64 bits.
pub fn new(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if vm.longrange_type.is_none() {
        let m = vm.new_module("_coil_longrange");
        crate::modules::itertools::run_source(vm, m, SRC, "<longrange>")?;
        let d = vm.module_dict(m);
        let k = vm.intern("range");
        vm.longrange_type = vm.dict_get_str(d, k).unwrap_or(Value::NONE);
        let mk = vm.intern("__module__");
        let b = vm.intern("builtins");
        let t = vm.longrange_type;
        vm.type_set_attr(t, mk, b);
        let k = vm.intern("longrange_iterator");
        let it = vm.dict_get_str(d, k).unwrap_or(Value::NONE);
        vm.type_set_attr(it, mk, b);
    }
    let t = vm.longrange_type;
    vm.call(t, args)
}
