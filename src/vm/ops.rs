//! Generic operations on values: truth, arithmetic and comparison dispatch (built-in
//! fast cases, then dunder methods with NotImplemented fallbacks), hashing, equality,
//! containment, item access with slices, repr and str.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::compiler::bytecode::{BinOp, CmpOp, UnOp};
use crate::object::{ObjData, PyStr};
use crate::value::Value;
use crate::vm::num::{float_repr, hash_f64};
use crate::vm::types::{is_type, lookup, type_obj};
use crate::vm::{PyErr, PyResult, Vm, str_of};

/// Resolved slice bounds.
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// The indices `[start:stop:step]` (step not zero; None bounds default)
    /// selects from a sequence of `len`, as CPython's `PySlice_AdjustIndices`:
    /// every `start + i * step` for `i < len` is in range.
    pub fn adjust(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> SliceIdx {
        let len = len as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let bound = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(i) if i < 0 => (i + len).max(lower),
            Some(i) => i.min(upper),
        };
        let start = bound(start, if step < 0 { upper } else { lower });
        let stop = bound(stop, if step < 0 { lower } else { upper });
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        }
    }
}

const VALUE_BYTES: usize = std::mem::size_of::<Value>();

impl Vm {
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v.is_bool() {
            return Ok(v == Value::TRUE);
        }
        if v.is_none() {
            return Ok(false);
        }
        if v.is_small_int() {
            return Ok(v.as_small_int() != 0);
        }
        if v.is_float() {
            return Ok(v.as_float() != 0.0);
        }
        let o = v.obj();
        match &o.data {
            ObjData::Str(s) => Ok(!s.s.is_empty()),
            ObjData::BigInt(b) => Ok(!b.is_zero()),
            ObjData::Complex(re, im) => Ok(*re != 0.0 || *im != 0.0),
            ObjData::List(l) => Ok(!l.get().is_empty()),
            ObjData::Tuple(t) => Ok(!t.is_empty()),
            ObjData::Dict(d) => Ok(!d.get().is_empty()),
            ObjData::Set(s) => Ok(!s.get().is_empty()),
            ObjData::Bytes(b) => Ok(!b.is_empty()),
            ObjData::ByteArray(b) => Ok(!b.get().is_empty()),
            ObjData::Range { start, stop, step } => Ok(range_len(*start, *stop, *step) != 0),
            ObjData::Instance(_) | ObjData::Native(_) => {
                if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                    if !r.is_bool() {
                        return Err(self.type_error(&format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(r)
                        )));
                    }
                    return Ok(r == Value::TRUE);
                }
                if self.dunder(v, "__len__").is_some() {
                    return Ok(self.len(v)? != 0);
                }
                Ok(true)
            }
            ObjData::DictView { .. } => Ok(self.len(v)? != 0),
            _ => Ok(true),
        }
    }

    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        let v = self.unwrap_payload(v, "__len__");
        if let Some(o) = v.as_obj() {
            match &o.data {
                ObjData::Str(s) => return Ok(s.char_len),
                ObjData::List(l) => return Ok(l.get().len()),
                ObjData::Tuple(t) => return Ok(t.len()),
                ObjData::Dict(d) => return Ok(d.get().len()),
                ObjData::Set(s) => return Ok(s.get().len()),
                ObjData::Bytes(b) => return Ok(b.len()),
                ObjData::ByteArray(b) => return Ok(b.get().len()),
                ObjData::Range { start, stop, step } => {
                    let n = range_len(*start, *stop, *step);
                    // (range(-sys.maxsize, sys.maxsize) has more items than a len says)
                    if n > i64::MAX as usize {
                        return Err(
                            self.overflow_error("Python int too large to convert to C ssize_t")
                        );
                    }
                    return Ok(n);
                }
                ObjData::DictView { dict, .. } => return self.len(*dict),
                _ => {}
            }
        }
        match self.call_dunder(v, "__len__", &[])? {
            Some(r) => self.len_result(r),
            None => Err(self.type_error(&format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    /// What `len` makes of the value a `__len__` returned: CPython's
    /// slot_sq_length takes it through `__index__`; a negative one is a
    /// ValueError, one past ssize_t an OverflowError.
    pub fn len_result(&mut self, r: Value) -> PyResult<usize> {
        let r = crate::builtins::signature::to_index(self, r)?;
        if let Some(n) = self.to_i64(r) {
            if n < 0 {
                return Err(self.value_error("__len__() should return >= 0"));
            }
            return Ok(n as usize);
        }
        match self.to_bigint(r) {
            Some(b) if num_traits::Signed::is_negative(&b) => {
                Err(self.value_error("__len__() should return >= 0"))
            }
            _ => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        }
    }

    // ---- arithmetic -----------------------------------------------------------------

    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let (name, rname, _) = op.dunders();
        let (a0, b0) = (a, b);
        let a = self.unwrap_payload(a, name);
        let b = self.unwrap_payload(b, rname);
        // a built-in subclass instance still wrapped overrides this operator:
        // its method decides, and sees both operands as they are
        let overridden = !self.base_payload(a).is_empty() || !self.base_payload(b).is_empty();
        let (a, b) = if overridden { (a0, b0) } else { (a, b) };
        if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            return Ok(Value::bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        // Instances of int subclasses dispatch through their (possibly overridden) dunders.
        let sub_int = |v: Value, int: Value| {
            v.is_obj() && matches!(v.obj().data, ObjData::BigInt(_)) && v.obj().class() != int
        };
        if !(sub_int(a, self.types.int) || sub_int(b, self.types.int) || overridden)
            && let Some(r) = self.num_binop(op, a, b)?
        {
            return Ok(r);
        }
        if !overridden && let Some(r) = self.complex_binop(op, a, b)? {
            return Ok(r);
        }
        if !overridden && let Some(r) = self.builtin_binop(op, a, b)? {
            return Ok(r);
        }
        // `seq * obj` where obj has __index__.
        if op == BinOp::Mul {
            let is_seq = |v: Value| {
                matches!(
                    v.as_obj().map(|o| &o.data),
                    Some(
                        ObjData::Str(_)
                            | ObjData::List(_)
                            | ObjData::Tuple(_)
                            | ObjData::Bytes(_)
                            | ObjData::ByteArray(_)
                    )
                )
            };
            for (seq, n) in [(a, b), (b, a)] {
                if is_seq(seq)
                    && matches!(n.as_obj().map(|o| &o.data), Some(ObjData::Instance(_)))
                    && let Some(i) = self.call_dunder(n, "__index__", &[])?
                {
                    return self.binary_op(op, seq, i);
                }
            }
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // A built-in sequence's + and * are CPython's sq_concat/sq_repeat, which
        // come after the other operand's number slot: `[1] + x` asks
        // x.__radd__ first
        let seq_op = matches!(op, BinOp::Add | BinOp::Mul)
            && matches!(
                a.as_obj().map(|o| &o.data),
                Some(
                    ObjData::Str(_)
                        | ObjData::List(_)
                        | ObjData::Tuple(_)
                        | ObjData::Bytes(_)
                        | ObjData::ByteArray(_)
                )
            )
            && matches!(b.as_obj().map(|o| &o.data), Some(ObjData::Instance(_)));
        // A subclass's reflected method goes first.
        let b_first =
            ta != tb && (seq_op || self.is_subclass(tb, ta)) && self.dunder(b, rname).is_some();
        if b_first && let Some(r) = self.try_dunder(b, rname, a)? {
            return Ok(r);
        }
        if let Some(r) = self.try_dunder(a, name, b)? {
            return Ok(r);
        }
        if ta != tb
            && !b_first
            && let Some(r) = self.try_dunder(b, rname, a)?
        {
            return Ok(r);
        }
        Err(self.binop_type_error(op, a, b))
    }

    /// The rest of `binary_op` once `a.__op__(b)` returned NotImplemented, when
    /// `b`'s reflected method did not go first (a JIT exit inside an inlined
    /// operator dunder: `Frame::binop_return`).
    pub fn binop_after_forward(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let (_, rname, _) = op.dunders();
        if self.type_of(a) != self.type_of(b)
            && let Some(r) = self.try_dunder(b, rname, a)?
        {
            return Ok(r);
        }
        Err(self.binop_type_error(op, a, b))
    }

    /// The rest of an operator's protocol once the dunder a trace inlined
    /// returned NotImplemented (a JIT exit inside it: `Frame::binop_return`).
    pub fn after_not_implemented(
        &mut self,
        op: crate::vm::frame::DunderOp,
        a: Value,
        b: Value,
    ) -> PyResult<Value> {
        use crate::vm::frame::DunderOp;
        match op {
            DunderOp::Binary(op) => self.binop_after_forward(op, a, b),
            DunderOp::Compare(op) => {
                // (the trace inlined `a`'s method only where `b`'s reflected
                // one does not go first)
                if let Some(r) = self.try_dunder(b, op.swapped().dunder(), a)? {
                    return Ok(r);
                }
                self.compare_fallback(op, a, b)
            }
            DunderOp::Reflected(op) => self.compare_fallback(op, a, b),
            // object's `__ne__` passes the NotImplemented on: `b.__ne__(a)`
            DunderOp::NotEqualViaEq => {
                self.after_not_implemented(DunderOp::Compare(CmpOp::Ne), a, b)
            }
            // (not operators: their NotImplemented is a value like another)
            DunderOp::Len | DunderOp::Contains(_) | DunderOp::Iter => Ok(self.not_implemented),
        }
    }

    fn binop_type_error(&mut self, op: BinOp, a: Value, b: Value) -> PyErr {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add
            && (na == "str" || na == "list" || na == "tuple" || na == "bytes")
            && self.type_of(a) != self.types.object
        {
            let builtin_seq = matches!(
                a.as_obj().map(|o| &o.data),
                Some(ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_) | ObjData::Bytes(_))
            );
            if builtin_seq {
                if na == "bytes" {
                    return self.type_error(&format!("can't concat {nb} to bytes"));
                }
                return self
                    .type_error(&format!("can only concatenate {na} (not \"{nb}\") to {na}"));
            }
        }
        if op == BinOp::Mul
            && (matches!(
                a.as_obj().map(|o| &o.data),
                Some(ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_))
            ) || matches!(
                b.as_obj().map(|o| &o.data),
                Some(ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_))
            ))
        {
            let other = if matches!(
                a.as_obj().map(|o| &o.data),
                Some(ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_))
            ) {
                nb
            } else {
                na
            };
            return self.type_error(&format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
        self.type_error(&format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            na,
            nb
        ))
    }

    /// Calls `a.name(b)`; None when missing or NotImplemented.
    fn try_dunder(&mut self, a: Value, name: &'static str, b: Value) -> PyResult<Option<Value>> {
        match self.call_dunder(a, name, &[b])? {
            Some(r) if r != self.not_implemented => Ok(Some(r)),
            _ => Ok(None),
        }
    }

    fn builtin_binop(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (Some(oa), ob) = (a.as_obj(), b.as_obj()) else {
            // int * sequence
            if op == BinOp::Mul && self.is_intlike(a) && b.is_obj() {
                return self.builtin_binop(op, b, a);
            }
            return Ok(None);
        };
        if !self.is_builtin_exact(a) {
            return Ok(None);
        }
        match (&oa.data, ob.map(|o| &o.data)) {
            (ObjData::Str(x), Some(ObjData::Str(y))) if op == BinOp::Add => {
                Ok(Some(self.new_str_concat(&x.s, &y.s)))
            }
            (ObjData::Str(x), _) if op == BinOp::Mul && self.is_intlike(b) => {
                let n = self.repeat_count(b, x.s.len(), 1)?;
                Ok(Some(self.new_string(x.s.repeat(n))))
            }
            (ObjData::Str(_), _) if op == BinOp::Mod => {
                Ok(Some(crate::builtins::format::percent_format(self, a, b)?))
            }
            (ObjData::List(x), Some(ObjData::List(y))) if op == BinOp::Add => {
                let mut v = x.get().clone();
                v.extend_from_slice(y.get());
                Ok(Some(self.new_list(v)))
            }
            (ObjData::List(x), _) if op == BinOp::Mul && self.is_intlike(b) => {
                let n = self.repeat_count(b, x.get().len(), VALUE_BYTES)?;
                let items = x.get();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend_from_slice(items);
                }
                Ok(Some(self.new_list(v)))
            }
            (ObjData::Tuple(x), Some(ObjData::Tuple(y))) if op == BinOp::Add => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(Some(self.new_tuple(v)))
            }
            (ObjData::Tuple(x), _) if op == BinOp::Mul && self.is_intlike(b) => {
                let n = self.repeat_count(b, x.len(), VALUE_BYTES)?;
                let mut v = Vec::with_capacity(x.len() * n);
                for _ in 0..n {
                    v.extend_from_slice(x);
                }
                Ok(Some(self.new_tuple(v)))
            }
            (ObjData::Bytes(x), Some(ObjData::Bytes(y))) if op == BinOp::Add => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(Some(self.new_bytes(v)))
            }
            (ObjData::Bytes(x), _) if op == BinOp::Mul && self.is_intlike(b) => {
                let n = self.repeat_count(b, x.len(), 1)?;
                Ok(Some(self.new_bytes(x.repeat(n))))
            }
            (ObjData::ByteArray(x), Some(ObjData::ByteArray(y))) if op == BinOp::Add => {
                let mut v = x.get().clone();
                v.extend_from_slice(y.get());
                Ok(Some(self.alloc(
                    self.types.bytearray,
                    ObjData::ByteArray(crate::object::Mut::new(v)),
                )))
            }
            (ObjData::Bytes(x), _) if op == BinOp::Mod => {
                let r = crate::builtins::format::bytes_percent_format(self, x, b)?;
                Ok(Some(self.new_bytes(r)))
            }
            (ObjData::ByteArray(x), _) if op == BinOp::Mod => {
                let fmt = x.get().clone();
                let r = crate::builtins::format::bytes_percent_format(self, &fmt, b)?;
                Ok(Some(crate::builtins::bytes::new_bytearray(self, r)))
            }
            (ObjData::Set(_), Some(ObjData::Set(_))) => {
                crate::builtins::set::set_binop(self, op, a, b)
            }
            (ObjData::Dict(_), Some(ObjData::Dict(_))) if op == BinOp::Or => {
                let d = crate::builtins::dict::dict_copy(self, a)?;
                self.temp_roots.push(d);
                let r = self.dict_update_from(d, b, false);
                self.temp_roots.pop();
                r?;
                Ok(Some(d))
            }
            (ObjData::DictView { .. }, _) => crate::builtins::dict::view_binop(self, op, a, b),
            _ => Ok(None),
        }
    }

    /// The count of `seq * n` for a sequence of `item_len` items of `item_bytes`
    /// each: 0 for a negative count, MemoryError for a result too big to allocate.
    pub(crate) fn repeat_count(
        &mut self,
        n: Value,
        item_len: usize,
        item_bytes: usize,
    ) -> PyResult<usize> {
        let n = match self.to_i64(n) {
            Some(n) => n,
            None => return Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n <= 0 || item_len == 0 {
            return Ok(0);
        }
        self.check_alloc(n as u128 * item_len as u128, item_bytes)?;
        Ok(n as usize)
    }

    /// Whether `v`'s type is a built-in type (not a user subclass).
    pub fn is_builtin_exact(&self, v: Value) -> bool {
        type_obj(self.type_of(v)).module == "builtins"
    }

    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(o) = a.as_obj() {
            match &o.data {
                ObjData::List(l) if self.is_builtin_exact(a) => {
                    if op == BinOp::Add {
                        let items = self.collect_iter(b)?;
                        l.get().extend(items);
                        return Ok(a);
                    }
                    if op == BinOp::Mul && self.is_intlike(b) {
                        let n = self.repeat_count(b, l.get().len(), VALUE_BYTES)?;
                        let items = self.repeat_items(l.get(), n as i64)?;
                        *l.get() = items;
                        return Ok(a);
                    }
                }
                ObjData::Set(_) if self.type_of(a) == self.types.set => {
                    if matches!(b.as_obj().map(|o| &o.data), Some(ObjData::Set(_)))
                        && let Some(r) = crate::builtins::set::set_inplace(self, op, a, b)?
                    {
                        return Ok(r);
                    }
                }
                ObjData::Dict(_) if op == BinOp::Or && self.is_builtin_exact(a) => {
                    self.dict_update_from(a, b, false)?;
                    return Ok(a);
                }
                ObjData::ByteArray(x) if op == BinOp::Add => {
                    let extra = self.bytes_of(b)?;
                    x.get().extend_from_slice(&extra);
                    return Ok(a);
                }
                ObjData::ByteArray(x) if op == BinOp::Mul && self.is_intlike(b) => {
                    crate::builtins::bytes::bytearray_irepeat(self, x, b)?;
                    return Ok(a);
                }
                ObjData::Instance(_) | ObjData::Native(_) => {
                    let (_, _, iname) = op.dunders();
                    // a built-in sequence's `*=` (list.__imul__ of a list
                    // subclass): CPython checks the count is an index first, so
                    // `*` words the error (`can't multiply sequence by non-int`)
                    let bad_count = op == BinOp::Mul
                        && !self.is_intlike(b)
                        && self.dunder(b, "__index__").is_none()
                        && self.unwrap_payload(a, iname) != a;
                    if !bad_count && let Some(r) = self.try_dunder(a, iname, b)? {
                        // a built-in's in-place method returns its receiver,
                        // which for a subclass's instance is the payload
                        let p = self.base_payload(a);
                        return Ok(if !p.is_empty() && r == p { a } else { r });
                    }
                }
                _ => {}
            }
        }
        match self.binary_op(op, a, b) {
            Err(e) if self.matches(e.0, "TypeError") => Err(self.inplace_type_error(e, op, a, b)),
            r => r,
        }
    }

    /// `unsupported operand type(s) for -=` where `binary_op` said `for -`.
    #[cold]
    fn inplace_type_error(&mut self, e: PyErr, op: BinOp, a: Value, b: Value) -> PyErr {
        let args = crate::vm::exc::exc_args(self, e.0);
        let sym = match op {
            BinOp::Pow => "** or pow()",
            _ => op.symbol(),
        };
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let plain = format!("unsupported operand type(s) for {sym}: '{na}' and '{nb}'");
        match args.as_slice() {
            [m] if crate::builtins::str::as_str(*m) == Some(plain.as_str()) => {
                let isym = match op {
                    BinOp::Pow => "**",
                    _ => op.symbol(),
                };
                self.type_error(&format!(
                    "unsupported operand type(s) for {isym}=: '{na}' and '{nb}'"
                ))
            }
            _ => e,
        }
    }

    pub fn unary_op(&mut self, op: UnOp, a: Value) -> PyResult<Value> {
        if let Some(n) = self.to_num(a) {
            use crate::vm::num::Num;
            return Ok(match (op, n) {
                (UnOp::Neg, Num::Int(i)) => self.new_bigint(-i),
                (UnOp::Pos, Num::Int(i)) => self.new_bigint(i),
                (UnOp::Invert, Num::Int(i)) => self.new_bigint(-i - 1),
                (UnOp::Neg, Num::Float(f)) => Value::float(-f),
                (UnOp::Pos, Num::Float(f)) => Value::float(f),
                (UnOp::Not, _) => Value::bool(!self.truthy(a)?),
                (UnOp::Invert, Num::Float(_)) => {
                    return Err(self.type_error("bad operand type for unary ~: 'float'"));
                }
            });
        }
        let (name, sym) = match op {
            UnOp::Neg => ("__neg__", "-"),
            UnOp::Pos => ("__pos__", "+"),
            UnOp::Invert => ("__invert__", "~"),
            UnOp::Not => return Ok(Value::bool(!self.truthy(a)?)),
        };
        match self.call_dunder(a, name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(&format!(
                "bad operand type for unary {}: '{}'",
                sym,
                self.type_name(a)
            ))),
        }
    }

    // ---- comparison -----------------------------------------------------------------

    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        // Identity implies equality, as in CPython's PyObject_RichCompareBool. NaNs
        // are excluded: NaN-boxed floats have no identity, and distinct NaN objects
        // compare unequal in CPython far more often than one is compared to itself.
        if a == b && !(a.is_float() && a.as_float().is_nan()) {
            return Ok(true);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        if r.is_bool() {
            return Ok(r == Value::TRUE);
        }
        self.truthy(r)
    }

    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        // comparing containers recurses into their items (two lists holding
        // themselves): RecursionError, as CPython's Py_EnterRecursiveCall
        self.check_native_stack()?;
        let a = self.unwrap_payload(a, op.dunder());
        let b = self.unwrap_payload(b, op.swapped().dunder());
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::bool(r));
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let swapped = op.swapped();
        let b_first =
            ta != tb && self.is_subclass(tb, ta) && self.dunder(b, swapped.dunder()).is_some();
        if b_first && let Some(r) = self.try_dunder(b, swapped.dunder(), a)? {
            return Ok(r);
        }
        if let Some(r) = self.try_dunder(a, op.dunder(), b)? {
            return Ok(r);
        }
        if !b_first && let Some(r) = self.try_dunder(b, swapped.dunder(), a)? {
            return Ok(r);
        }
        self.compare_fallback(op, a, b)
    }

    /// `a op b` when neither operand's method answered: identity for `==`
    /// and `!=`, TypeError for the orderings.
    fn compare_fallback(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            // object.__ne__ already inverted a user __eq__ above.
            CmpOp::Ne => Ok(Value::bool(a != b)),
            _ => Err(self.type_error(&format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn builtin_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        if let Some(r) = self.complex_compare(op, a, b)? {
            return Ok(Some(r));
        }
        if let (Some(x), Some(y)) = (self.to_num(a), self.to_num(b)) {
            use crate::vm::num::Num;
            let ord = match (x, y) {
                (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
                (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
                (Num::Int(x), Num::Float(y)) => cmp_int_float(&x, y),
                (Num::Float(x), Num::Int(y)) => cmp_int_float(&y, x).map(|o| o.reverse()),
            };
            return Ok(Some(match ord {
                Some(o) => ord_matches(op, o),
                None => op == CmpOp::Ne,
            }));
        }
        let (Some(oa), Some(ob)) = (a.as_obj(), b.as_obj()) else {
            if matches!(op, CmpOp::Eq | CmpOp::Ne)
                && (a.is_none() || b.is_none() || !a.is_obj() || !b.is_obj())
            {
                if a.is_obj() && !self.is_builtin_exact(a) {
                    return Ok(None);
                }
                if b.is_obj() && !self.is_builtin_exact(b) {
                    return Ok(None);
                }
                return Ok(Some((a == b) == (op == CmpOp::Eq)));
            }
            return Ok(None);
        };
        let ord: Option<Ordering> = match (&oa.data, &ob.data) {
            (ObjData::Str(x), ObjData::Str(y)) => Some(x.s.cmp(&y.s)),
            (ObjData::Bytes(x), ObjData::Bytes(y)) => Some(x.cmp(y)),
            (ObjData::ByteArray(x), ObjData::ByteArray(y)) => {
                Some(x.get().as_slice().cmp(y.get().as_slice()))
            }
            (ObjData::Bytes(x), ObjData::ByteArray(y)) => Some(x.as_ref().cmp(y.get().as_slice())),
            (ObjData::ByteArray(x), ObjData::Bytes(y)) => Some(x.get().as_slice().cmp(y.as_ref())),
            (ObjData::List(_), ObjData::List(_)) | (ObjData::Tuple(_), ObjData::Tuple(_))
                if self.is_builtin_exact(a) || self.dunder(a, op.dunder()).is_none() =>
            {
                return self.seq_compare(op, a, b).map(Some);
            }
            (
                ObjData::BoundMethod { func: f1, slf: s1 },
                ObjData::BoundMethod { func: f2, slf: s2 },
            ) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                return Ok(Some((f1 == f2 && s1 == s2) == (op == CmpOp::Eq)));
            }
            // built-in methods bound to the same object (`l.append == l.append`)
            (ObjData::Builtin(b1), ObjData::Builtin(b2))
                if matches!(op, CmpOp::Eq | CmpOp::Ne)
                    && !b1.bound.is_empty()
                    && !b2.bound.is_empty() =>
            {
                let eq = b1.bound == b2.bound && b1.owner == b2.owner && b1.name == b2.name;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (ObjData::Dict(_), ObjData::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = crate::builtins::dict::dict_eq(self, a, b)?;
                return Ok(Some(e == (op == CmpOp::Eq)));
            }
            (ObjData::Set(_), ObjData::Set(_)) => {
                return crate::builtins::set::set_compare(self, op, a, b).map(Some);
            }
            // CPython's slice_richcompare: as (start, stop, step) tuples
            (
                ObjData::Slice {
                    start: a1,
                    stop: a2,
                    step: a3,
                },
                ObjData::Slice {
                    start: b1,
                    stop: b2,
                    step: b3,
                },
            ) => {
                if a == b && matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    return Ok(Some(op == CmpOp::Eq));
                }
                let (x, y) = ([*a1, *a2, *a3], [*b1, *b2, *b3]);
                let base = self.temp_roots.len();
                let tx = self.new_tuple_from(&x);
                self.temp_roots.push(tx);
                let ty = self.new_tuple_from(&y);
                self.temp_roots.push(ty);
                let r = self.seq_compare(op, tx, ty);
                self.temp_roots.truncate(base);
                return r.map(Some);
            }
            (ObjData::Range { .. }, ObjData::Range { .. })
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                // CPython's range_equals: same length, first item and step
                let same = range_key(a) == range_key(b);
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (ObjData::DictView { kind: k1, .. }, ObjData::DictView { kind: k2, .. })
                if matches!(op, CmpOp::Eq | CmpOp::Ne)
                    && *k1 != crate::object::DictIterKind::Values
                    && *k1 == *k2 =>
            {
                let x = crate::builtins::set::to_set(self, a)?;
                let y = crate::builtins::set::to_set(self, b)?;
                return crate::builtins::set::set_compare(self, op, x, y).map(Some);
            }
            _ => None,
        };
        Ok(ord.map(|o| ord_matches(op, o)))
    }

    fn seq_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let (x, y) = (self.seq_items(a), self.seq_items(b));
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq(x[i], y[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, x[i], y[i])?;
                        self.truthy(r)
                    }
                };
            }
        }
        Ok(ord_matches(op, x.len().cmp(&y.len())))
    }

    /// A snapshot of a list's or tuple's items.
    pub fn seq_items(&self, v: Value) -> Vec<Value> {
        match &v.obj().data {
            ObjData::List(l) => l.get().clone(),
            ObjData::Tuple(t) => t.to_vec(),
            _ => vec![],
        }
    }

    // ---- hashing --------------------------------------------------------------------

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(Vm::hash_i64(v.as_small_int()));
        }
        if v.is_float() {
            return Ok(hash_f64(v.as_float()));
        }
        if v.is_bool() {
            return Ok((v == Value::TRUE) as i64);
        }
        if v.is_none() {
            return Ok(-0x3fb4_2f1a);
        }
        let o = v.obj();
        match &o.data {
            ObjData::Str(_) if self.is_builtin_exact(v) => Ok(self.str_hash(v)),
            ObjData::BigInt(b) => Ok(Vm::hash_bigint(b)),
            ObjData::Complex(re, im) => Ok(crate::vm::complex::complex_hash(*re, *im)),
            ObjData::Tuple(t) if self.is_builtin_exact(v) => {
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc: u64 = P5;
                for item in t.iter() {
                    let lane = self.hash(*item)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
                if acc == u64::MAX {
                    return Ok(1546275796);
                }
                Ok(acc as i64)
            }
            ObjData::Range { .. } => {
                // CPython's range_hash: hash((len, start, step)), None for the
                // parts the length makes irrelevant
                let (n, start, step) = range_key(v);
                let base = self.temp_roots.len();
                let mut items = Vec::with_capacity(3);
                for x in [Some(n as i64), start, step] {
                    let x = x.map_or(Value::NONE, |x| self.new_int(x));
                    self.temp_roots.push(x);
                    items.push(x);
                }
                let t = self.new_tuple(items);
                self.temp_roots.truncate(base);
                self.hash(t)
            }
            ObjData::Bytes(b) => {
                let mut x: u64 = 0xcbf29ce484222325;
                for c in b.iter() {
                    x ^= *c as u64;
                    x = x.wrapping_mul(0x100000001b3);
                }
                Ok(if x as i64 == -1 { -2 } else { x as i64 })
            }
            ObjData::Set(s) if self.type_of(v) == self.types.frozenset => {
                // CPython's frozenset hash.
                let mut hash: u64 = 0;
                for e in s.get().iter() {
                    let h = e.hash as u64;
                    hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
                }
                hash ^= (s.get().len() as u64 + 1).wrapping_mul(1927868237);
                hash ^= (hash >> 11) ^ (hash >> 25);
                hash = hash.wrapping_mul(69069).wrapping_add(907133923);
                let h = hash as i64;
                Ok(if h == -1 { 590923713 } else { h })
            }
            ObjData::List(_)
            | ObjData::Dict(_)
            | ObjData::Set(_)
            | ObjData::ByteArray(_)
            | ObjData::Slice { .. }
                if self.is_builtin_exact(v) =>
            {
                Err(self.type_error(&format!("unhashable type: '{}'", self.type_name(v))))
            }
            ObjData::Instance(i)
                if !i.base_value.get().is_empty() && self.unwrap_payload(v, "__hash__") != v =>
            {
                let p = i.base_value.get();
                self.hash(p)
            }
            // CPython's method_hash: the identity of self with the function's
            // hash (equal bound methods, equal hashes; self's __hash__ unused)
            ObjData::BoundMethod { func, slf } if self.type_of(v) == self.types.method => {
                let (f, s) = (*func, *slf);
                let x = ((s.0 & 0xFFFF_FFFF_FFFF) >> 4) as i64 ^ self.hash(f)?;
                Ok(if x == -1 { -2 } else { x })
            }
            // a built-in method bound to an object: its identity and the method's
            ObjData::Builtin(b) if !b.bound.is_empty() && self.is_builtin_exact(v) => {
                let x = ((b.bound.0 & 0xFFFF_FFFF_FFFF) >> 4) as i64
                    ^ ((b.owner.0 & 0xFFFF_FFFF_FFFF) >> 4) as i64
                    ^ b.name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                        (h ^ c as u64).wrapping_mul(0x100_0000_01b3)
                    }) as i64;
                Ok(if x == -1 { -2 } else { x })
            }
            _ => {
                let cls = self.type_of(v);
                let hn = self.name("__hash__");
                let en = self.name("__eq__");
                let h = crate::vm::types::lookup_owner(self, cls, hn);
                match h {
                    Some((f, _)) if f.is_none() => {
                        Err(self.type_error(&format!("unhashable type: '{}'", self.type_name(v))))
                    }
                    // a Python __hash__, or a native one of a library type (not
                    // object's identity hash)
                    Some((f, owner))
                        if !crate::vm::call::is_builtin_fn(f)
                            || type_obj(owner).module != "builtins" =>
                    {
                        let r = self.call(f, &[v])?;
                        // (an int subclass's value is its payload)
                        let r = match self.base_payload(r) {
                            p if !p.is_empty() && self.is_intlike(p) => p,
                            _ => r,
                        };
                        // A result that fits a hash is used as is (CPython only
                        // re-hashes out-of-range ints).
                        if let Some(i) = self.to_i64(r) {
                            return Ok(if i == -1 { -2 } else { i });
                        }
                        match self.to_bigint(r) {
                            Some(b) => Ok(Vm::hash_bigint(&b)),
                            None => {
                                Err(self.type_error("__hash__ method should return an integer"))
                            }
                        }
                    }
                    _ => {
                        // A class that defines __eq__ but not __hash__ is unhashable.
                        for c in type_obj(cls).mro.get().clone() {
                            let t = type_obj(c);
                            if self.dict_get_str_in(t.dict.get(), hn).is_some() {
                                break;
                            }
                            if t.module != "builtins"
                                && self.dict_get_str_in(t.dict.get(), en).is_some()
                            {
                                return Err(self.type_error(&format!(
                                    "unhashable type: '{}'",
                                    self.type_name(v)
                                )));
                            }
                        }
                        Ok(((v.0 & 0xFFFF_FFFF_FFFF) >> 4) as i64)
                    }
                }
            }
        }
    }

    // ---- containers -----------------------------------------------------------------

    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let container = self.unwrap_payload(container, "__contains__");
        if let Some(o) = container.as_obj() {
            match &o.data {
                ObjData::Str(s)
                    if self.is_builtin_exact(container)
                        || self.dunder(container, "__contains__").is_none() =>
                {
                    return match &item.as_obj().map(|o| &o.data) {
                        Some(ObjData::Str(sub)) => {
                            Ok(crate::builtins::strsearch::contains(&s.s, &sub.s))
                        }
                        _ => Err(self.type_error(&format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        ))),
                    };
                }
                ObjData::List(_) | ObjData::Tuple(_) if self.is_builtin_exact(container) => {
                    let mut i = 0;
                    loop {
                        let x = match &container.obj().data {
                            ObjData::List(l) => l.get().get(i).copied(),
                            ObjData::Tuple(t) => t.get(i).copied(),
                            _ => None,
                        };
                        let Some(x) = x else { return Ok(false) };
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                }
                ObjData::Dict(_) if self.is_builtin_exact(container) => {
                    return Ok(self.dict_get(container, item)?.is_some());
                }
                ObjData::Set(_) if self.is_builtin_exact(container) => {
                    return crate::builtins::set::set_contains(self, container, item);
                }
                ObjData::DictView { dict, kind } => {
                    let d = *dict;
                    return match kind {
                        crate::object::DictIterKind::Keys => Ok(self.dict_get(d, item)?.is_some()),
                        crate::object::DictIterKind::Items => {
                            let Some(kv) = self.tuple_items(item) else {
                                return Ok(false);
                            };
                            if kv.len() != 2 {
                                return Ok(false);
                            }
                            match self.dict_get(d, kv[0])? {
                                Some(v) => self.eq(v, kv[1]),
                                None => Ok(false),
                            }
                        }
                        crate::object::DictIterKind::Values => {
                            let vals: Vec<Value> = match &d.obj().data {
                                ObjData::Dict(dd) => dd.get().iter().map(|e| e.value).collect(),
                                _ => vec![],
                            };
                            for v in vals {
                                if self.eq(v, item)? {
                                    return Ok(true);
                                }
                            }
                            Ok(false)
                        }
                    };
                }
                ObjData::Range { start, stop, step } => {
                    if let Some(i) = self.to_i64(item) {
                        let (start, stop, step) = (*start, *stop, *step);
                        let inside = if step > 0 {
                            i >= start && i < stop
                        } else {
                            i <= start && i > stop
                        };
                        return Ok(inside && (i as i128 - start as i128) % step as i128 == 0);
                    }
                }
                ObjData::Bytes(_) | ObjData::ByteArray(_) => {
                    let hay = self.bytes_of(container)?;
                    if let Some(b) = self.to_i64(item) {
                        if !(0..256).contains(&b) {
                            return Err(self.value_error("byte must be in range(0, 256)"));
                        }
                        return Ok(hay.contains(&(b as u8)));
                    }
                    if self.is_intlike(item) {
                        // an int too big for a machine word is no byte either
                        return Err(self.value_error("byte must be in range(0, 256)"));
                    }
                    let needle = self.bytes_of(item)?;
                    return Ok(needle.is_empty()
                        || hay.windows(needle.len()).any(|w| w == needle.as_slice()));
                }
                _ => {}
            }
        }
        if let Some(r) = self.call_dunder(container, "__contains__", &[item])? {
            return self.truthy(r);
        }
        // (an error raised by the container's own __iter__ propagates)
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) if self.matches(e.0, "TypeError") => {
                return Err(self.type_error(&format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )));
            }
            Err(e) => return Err(e),
        };
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                if self.eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.temp_roots.pop();
        r
    }

    /// An index value as i64 (ints, bools, `__index__`).
    pub fn index_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        if let Some(i) = self.to_i64(v) {
            return Ok(Some(i));
        }
        if self.to_bigint(v).is_some() {
            return Err(self.error("IndexError", "cannot fit 'int' into an index-sized integer"));
        }
        if v.is_obj()
            && matches!(v.obj().data, ObjData::Instance(_))
            && let Some(r) = self.call_dunder(v, "__index__", &[])?
        {
            if let Some(i) = self.to_i64(r) {
                return Ok(Some(i));
            }
            if self.to_bigint(r).is_some() {
                return Err(
                    self.error("IndexError", "cannot fit 'int' into an index-sized integer")
                );
            }
            let tn = self.type_name(r);
            return Err(self.type_error(&format!("__index__ returned non-int (type {tn})")));
        }
        Ok(None)
    }

    /// A slice bound or step as i64: like `index_of`, but an int too big for one
    /// is clamped (to ±i64::MAX), as CPython clamps slice indices.
    fn slice_index_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        if self.to_i64(v).is_none()
            && let Some(b) = self.to_bigint(v)
        {
            return Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                -i64::MAX
            } else {
                i64::MAX
            }));
        }
        self.index_of(v)
    }

    pub fn slice_indices(&mut self, slice: Value, len: usize) -> PyResult<SliceIdx> {
        let ObjData::Slice { start, stop, step } = &slice.obj().data else {
            unreachable!()
        };
        let step = if step.is_none() {
            1
        } else {
            match self.slice_index_of(*step)? {
                Some(s) => s,
                None => {
                    return Err(self.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
            }
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let mut bound = |v: Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match self.slice_index_of(v)? {
                Some(i) => Ok(Some(i)),
                None => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let start = bound(*start)?;
        let stop = bound(*stop)?;
        Ok(SliceIdx::adjust(len, start, stop, step))
    }

    fn norm_index(&mut self, idx: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.index_of(idx)? {
            Some(i) => i,
            None if what == "string" => {
                return Err(self.type_error(&format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(idx)
                )));
            }
            None => {
                return Err(self.type_error(&format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(idx)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let msg = match what {
                "list" => "list index out of range",
                "tuple" => "tuple index out of range",
                "string" => "string index out of range",
                "range object" => "range object index out of range",
                _ => "index out of range",
            };
            return Err(self.index_error(msg));
        }
        Ok(j as usize)
    }

    pub fn getitem(&mut self, obj: Value, idx: Value) -> PyResult<Value> {
        let p = self.unwrap_payload(obj, "__getitem__");
        if p != obj {
            // dict subclasses: a missing key goes to __missing__. (The payload
            // of an int or float subclass is no heap object.)
            if let Some(ObjData::Dict(_)) = p.as_obj().map(|o| &o.data) {
                if let Some(v) = self.dict_get(p, idx)? {
                    return Ok(v);
                }
                if let Some(r) = self.call_dunder(obj, "__missing__", &[idx])? {
                    return Ok(r);
                }
                return Err(self.key_error(idx));
            }
            return self.getitem(p, idx);
        }
        let is_slice = idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. });
        if let Some(o) = obj.as_obj()
            && (self.is_builtin_exact(obj)
                || self
                    .dunder(obj, "__getitem__")
                    .map(crate::vm::call::is_builtin_fn)
                    .unwrap_or(true))
        {
            match &o.data {
                ObjData::List(l) => {
                    if idx.is_small_int() {
                        let i = idx.as_small_int();
                        let v = l.get();
                        let j = if i < 0 { i + v.len() as i64 } else { i };
                        if j >= 0 && (j as usize) < v.len() {
                            return Ok(v[j as usize]);
                        }
                    }
                    if is_slice {
                        let s = self.slice_indices(idx, l.get().len())?;
                        let v = l.get();
                        let items = (0..s.len)
                            .map(|k| v[(s.start + k as i64 * s.step) as usize])
                            .collect();
                        return Ok(self.new_list(items));
                    }
                    let n = l.get().len();
                    let i = self.norm_index(idx, n, "list")?;
                    return Ok(l.get()[i]);
                }
                ObjData::Tuple(t) => {
                    if is_slice {
                        let s = self.slice_indices(idx, t.len())?;
                        if s.step == 1 && s.len == t.len() && self.type_of(obj) == self.types.tuple
                        {
                            return Ok(obj);
                        }
                        let items = (0..s.len)
                            .map(|k| t[(s.start + k as i64 * s.step) as usize])
                            .collect();
                        return Ok(self.new_tuple(items));
                    }
                    let i = self.norm_index(idx, t.len(), "tuple")?;
                    return Ok(t[i]);
                }
                ObjData::Str(s) => return self.str_getitem(s, idx, is_slice),
                ObjData::Dict(_) => {
                    return match self.dict_get(obj, idx)? {
                        Some(v) => Ok(v),
                        None if !self.is_builtin_exact(obj)
                            && self.dunder(obj, "__missing__").is_some() =>
                        {
                            Ok(self
                                .call_dunder(obj, "__missing__", &[idx])?
                                .unwrap_or(Value::NONE))
                        }
                        None => Err(self.key_error(idx)),
                    };
                }
                ObjData::Range { start, stop, step } => {
                    let (start, stop, step) = (*start, *stop, *step);
                    let n = range_len(start, stop, step);
                    if is_slice {
                        let s = self.slice_indices(idx, n)?;
                        let (w_start, w_step) = (start as i128, step as i128);
                        let nstart = w_start + s.start as i128 * w_step;
                        let nstep = w_step * s.step as i128;
                        // CPython's compute_slice: the stop from slice.indices, so the
                        // repr shows it as CPython does (range(10)[::3] is range(0, 10, 3))
                        let nstop = w_start + s.stop as i128 * w_step;
                        let (Ok(nstart), Ok(nstop), Ok(nstep)) = (
                            i64::try_from(nstart),
                            i64::try_from(nstop),
                            i64::try_from(nstep),
                        ) else {
                            // past i64: the range constructor makes a big-int range
                            let mut ends = Vec::with_capacity(3);
                            for x in [nstart, nstop, nstep] {
                                let e = self.new_bigint(num_bigint::BigInt::from(x));
                                self.temp_roots.push(e);
                                ends.push(e);
                            }
                            let r = self.call(self.types.range, &ends);
                            self.temp_roots.truncate(self.temp_roots.len() - 3);
                            return r;
                        };
                        return Ok(self.alloc(
                            self.types.range,
                            ObjData::Range {
                                start: nstart,
                                stop: nstop,
                                step: nstep,
                            },
                        ));
                    }
                    if n > i64::MAX as usize {
                        // more items than an index says: the index as a big int
                        let iv = crate::builtins::signature::to_index(self, idx)?;
                        let mut i = self.to_bigint(iv).unwrap_or_default();
                        let nb = num_bigint::BigInt::from(n);
                        if i < num_bigint::BigInt::from(0) {
                            i += &nb;
                        }
                        if i < num_bigint::BigInt::from(0) || i >= nb {
                            return Err(self.error("IndexError", "range object index out of range"));
                        }
                        let r =
                            num_bigint::BigInt::from(start) + i * num_bigint::BigInt::from(step);
                        return Ok(self.new_bigint(r));
                    }
                    let i = self.norm_index(idx, n, "range object")?;
                    return Ok(self.new_int((start as i128 + i as i128 * step as i128) as i64));
                }
                ObjData::Bytes(b) => {
                    if is_slice {
                        let s = self.slice_indices(idx, b.len())?;
                        let items = (0..s.len)
                            .map(|k| b[(s.start + k as i64 * s.step) as usize])
                            .collect();
                        return Ok(self.new_bytes(items));
                    }
                    let i = self.norm_index(idx, b.len(), "byte")?;
                    return Ok(Value::small_int(b[i] as i64));
                }
                ObjData::ByteArray(b) => {
                    if is_slice {
                        let s = self.slice_indices(idx, b.get().len())?;
                        let v = b.get();
                        let items = (0..s.len)
                            .map(|k| v[(s.start + k as i64 * s.step) as usize])
                            .collect();
                        return Ok(self.alloc(
                            self.types.bytearray,
                            ObjData::ByteArray(crate::object::Mut::new(items)),
                        ));
                    }
                    let i = self.norm_index(idx, b.get().len(), "bytearray")?;
                    return Ok(Value::small_int(b.get()[i] as i64));
                }
                ObjData::Type(_) => {
                    // a metaclass's __getitem__ (Enum's `Color['RED']`) comes first
                    let meta = self.type_of(obj);
                    let gi = self.name("__getitem__");
                    if meta != self.types.type_
                        && let Some(f) = lookup(self, meta, gi)
                    {
                        let m = self.bind_descriptor(f, obj, meta)?;
                        return self.call(m, &[idx]);
                    }
                    // `list[int]`, `Generic[T]`: __class_getitem__ (PEP 560)
                    let cgi = self.name("__class_getitem__");
                    if let Some(f) = lookup(self, obj, cgi) {
                        let f = match f.as_obj().map(|o| &o.data) {
                            Some(ObjData::ClassMethod(f)) => *f,
                            _ => f,
                        };
                        return self.call(f, &[obj, idx]);
                    }
                    return Err(self.type_error(&format!(
                        "type '{}' is not subscriptable",
                        type_obj(obj).name
                    )));
                }
                _ => {}
            }
        }
        match self.call_dunder(obj, "__getitem__", &[idx])? {
            Some(v) => Ok(v),
            None => {
                if is_type(obj) {
                    return Err(self.type_error(&format!(
                        "type '{}' is not subscriptable",
                        type_obj(obj).name
                    )));
                }
                Err(self.type_error(&format!(
                    "'{}' object is not subscriptable",
                    self.type_name(obj)
                )))
            }
        }
    }

    fn str_getitem(&mut self, s: &PyStr, idx: Value, is_slice: bool) -> PyResult<Value> {
        if is_slice {
            let sl = self.slice_indices(idx, s.char_len)?;
            if s.is_ascii() {
                let b = s.s.as_bytes();
                if sl.step == 1 {
                    let st = sl.start as usize;
                    let text = &s.s[st..st + sl.len];
                    return Ok(self.new_str(text));
                }
                let out: String = (0..sl.len)
                    .map(|k| b[(sl.start + k as i64 * sl.step) as usize] as char)
                    .collect();
                return Ok(self.new_string(out));
            }
            if sl.step == 1 {
                let st = sl.start as usize;
                return Ok(self.new_str(&s.s[s.byte_of(st)..s.byte_of(st + sl.len)]));
            }
            let chars: Vec<char> = s.s.chars().collect();
            let out: String = (0..sl.len)
                .map(|k| chars[(sl.start + k as i64 * sl.step) as usize])
                .collect();
            return Ok(self.new_string(out));
        }
        let i = self.norm_index(idx, s.char_len, "string")?;
        if s.is_ascii() {
            let text = &s.s[i..i + 1];
            return Ok(self.char_str(text));
        }
        Ok(self.char_str(s.char_at(i)))
    }

    pub fn setitem(&mut self, obj: Value, idx: Value, v: Value) -> PyResult<()> {
        let obj = self.unwrap_payload(obj, "__setitem__");
        if let Some(o) = obj.as_obj()
            && self.is_builtin_exact(obj)
        {
            match &o.data {
                ObjData::List(l) => {
                    if idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. }) {
                        return self.list_set_slice(obj, idx, v);
                    }
                    let n = l.get().len();
                    let i = self.norm_index(idx, n, "list").map_err(|e| {
                        if self.matches(e.0, "IndexError") {
                            self.index_error("list assignment index out of range")
                        } else {
                            e
                        }
                    })?;
                    l.get()[i] = v;
                    return Ok(());
                }
                ObjData::Dict(_) => return self.dict_set(obj, idx, v),
                ObjData::ByteArray(_) => {
                    return crate::builtins::bytes::bytearray_setitem(self, obj, idx, v);
                }
                _ => {}
            }
        }
        match self.call_dunder(obj, "__setitem__", &[idx, v])? {
            Some(_) => Ok(()),
            None => Err(self.type_error(&format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    fn list_set_slice(&mut self, list: Value, idx: Value, v: Value) -> PyResult<()> {
        let items = self.collect_iter(v).map_err(|e| {
            if self.matches(e.0, "TypeError") && self.iter(v).is_err() {
                self.type_error("can only assign an iterable")
            } else {
                e
            }
        })?;
        let ObjData::List(l) = &list.obj().data else {
            unreachable!()
        };
        let n = l.get().len();
        let s = self.slice_indices(idx, n)?;
        if s.step == 1 {
            let start = s.start as usize;
            let stop = (s.stop.max(s.start)) as usize;
            l.get().splice(start..stop, items);
            return Ok(());
        }
        if items.len() != s.len {
            return Err(self.value_error(&format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                s.len
            )));
        }
        let vec = l.get();
        for (k, item) in items.into_iter().enumerate() {
            vec[(s.start + k as i64 * s.step) as usize] = item;
        }
        Ok(())
    }

    pub fn delitem(&mut self, obj: Value, idx: Value) -> PyResult<()> {
        let obj = self.unwrap_payload(obj, "__delitem__");
        if let Some(o) = obj.as_obj()
            && self.is_builtin_exact(obj)
        {
            match &o.data {
                ObjData::List(l) => {
                    if idx.is_obj() && matches!(idx.obj().data, ObjData::Slice { .. }) {
                        let n = l.get().len();
                        let s = self.slice_indices(idx, n)?;
                        let mut del: Vec<usize> = (0..s.len)
                            .map(|k| (s.start + k as i64 * s.step) as usize)
                            .collect();
                        del.sort_unstable();
                        let v = l.get();
                        let mut keep = Vec::with_capacity(v.len() - del.len());
                        let mut di = 0;
                        for (i, x) in v.iter().enumerate() {
                            if di < del.len() && del[di] == i {
                                di += 1;
                            } else {
                                keep.push(*x);
                            }
                        }
                        *v = keep;
                        return Ok(());
                    }
                    let n = l.get().len();
                    let i = self.norm_index(idx, n, "list").map_err(|e| {
                        if self.matches(e.0, "IndexError") {
                            self.index_error("list assignment index out of range")
                        } else {
                            e
                        }
                    })?;
                    l.get().remove(i);
                    return Ok(());
                }
                ObjData::Dict(_) => {
                    if self.dict_del(obj, idx)?.is_none() {
                        return Err(self.key_error(idx));
                    }
                    return Ok(());
                }
                ObjData::ByteArray(_) => {
                    return crate::builtins::bytes::bytearray_delitem(self, obj, idx);
                }
                _ => {}
            }
        }
        match self.call_dunder(obj, "__delitem__", &[idx])? {
            Some(_) => Ok(()),
            None => {
                // CPython's PyObject_DelItem: a sequence type given an index
                // "doesn't", anything else "does not"
                let seq = matches!(
                    obj.as_obj().map(|o| &o.data),
                    Some(
                        ObjData::Tuple(_)
                            | ObjData::Str(_)
                            | ObjData::Bytes(_)
                            | ObjData::Range { .. }
                            | ObjData::Set(_)
                            | ObjData::Instance(_)
                            | ObjData::Native(_)
                    )
                );
                let index = self.is_intlike(idx) || self.dunder(idx, "__index__").is_some();
                let verb = if seq && index { "doesn't" } else { "does not" };
                Err(self.type_error(&format!(
                    "'{}' object {verb} support item deletion",
                    self.type_name(obj)
                )))
            }
        }
    }

    // ---- dict and set primitives ----------------------------------------------------

    pub fn dict_get(&mut self, d: Value, k: Value) -> PyResult<Option<Value>> {
        let h = self.hash(k)?;
        let ObjData::Dict(dict) = &d.obj().data else {
            return Ok(None);
        };
        dict.get().get(k, h, &mut |a, b| self.eq(a, b))
    }

    pub fn dict_set(&mut self, d: Value, k: Value, v: Value) -> PyResult<()> {
        let h = self.hash(k)?;
        let ObjData::Dict(dict) = &d.obj().data else {
            return Ok(());
        };
        dict.get().insert(k, h, v, &mut |a, b| self.eq(a, b))
    }

    pub fn dict_del(&mut self, d: Value, k: Value) -> PyResult<Option<Value>> {
        let h = self.hash(k)?;
        let ObjData::Dict(dict) = &d.obj().data else {
            return Ok(None);
        };
        dict.get().remove(k, h, &mut |a, b| self.eq(a, b))
    }

    pub fn set_add(&mut self, s: Value, k: Value) -> PyResult<()> {
        let h = self.hash(k)?;
        let ObjData::Set(set) = &s.obj().data else {
            return Ok(());
        };
        set.add_key(k, h, &mut |a, b| self.eq(a, b))?;
        Ok(())
    }

    /// `dict.update(src)`; with `merge`, duplicate keys are an error (`f(**a, **b)`).
    /// `ListExtend`: `[*a, *b]` adds the items of `it` to the display's list
    /// (CPython's message for an operand that is no iterable at all).
    pub fn list_extend_op(&mut self, list: Value, it: Value) -> PyResult<()> {
        let items = match self.collect_iter(it) {
            Ok(items) => items,
            Err(e)
                if self.matches(e.0, "TypeError")
                    && self.dunder(it, "__iter__").is_none()
                    && self.dunder(it, "__getitem__").is_none() =>
            {
                let t = self.type_name(it);
                return Err(self.type_error(&format!("Value after * must be an iterable, not {t}")));
            }
            Err(e) => return Err(e),
        };
        if let ObjData::List(l) = &list.obj().data {
            l.get().extend(items);
        }
        Ok(())
    }

    /// `DictUpdate`: `{**a, **b}` takes mappings only (`dict.update`'s pairs
    /// are not accepted), with CPython's message.
    pub fn dict_update_op(&mut self, d: Value, src: Value) -> PyResult<()> {
        if !matches!(src.as_obj().map(|o| &o.data), Some(ObjData::Dict(_)))
            && self.dunder(src, "keys").is_none()
        {
            let t = self.type_name(src);
            return Err(self.type_error(&format!("'{t}' object is not a mapping")));
        }
        self.dict_update_from(d, src, false)
    }

    pub fn dict_update_from(&mut self, d: Value, src: Value, merge: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match src.as_obj().map(|o| &o.data) {
            Some(ObjData::Dict(s)) => s.get().iter().map(|e| (e.key, e.value)).collect(),
            _ => {
                if self.dunder(src, "keys").is_some() {
                    let keys = self.call_method(src, "keys", &[])?;
                    let keys = self.collect_iter(keys)?;
                    let mut out = Vec::new();
                    for k in keys {
                        let v = self.getitem(src, k)?;
                        out.push((k, v));
                    }
                    out
                } else {
                    if merge {
                        return Err(self.type_error(&format!(
                            "argument after ** must be a mapping, not {}",
                            self.type_name(src)
                        )));
                    }
                    let items = self.collect_iter(src)?;
                    let mut out = Vec::new();
                    for (i, it) in items.into_iter().enumerate() {
                        let kv = self.collect_iter(it)?;
                        if kv.len() != 2 {
                            return Err(self.value_error(&format!(
                                "dictionary update sequence element #{} has length {}; 2 is required",
                                i,
                                kv.len()
                            )));
                        }
                        out.push((kv[0], kv[1]));
                    }
                    out
                }
            }
        };
        for (k, v) in pairs {
            if merge && self.dict_get(d, k)?.is_some() {
                let ks = self.str(k)?;
                let callee = self.merge_callee.take();
                let who = match callee {
                    Some(c) => format!("{} ", self.function_str(c)),
                    None => String::new(),
                };
                return Err(self.type_error(&format!(
                    "{who}got multiple values for keyword argument '{}'",
                    str_of(ks)
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn bytes_of(&mut self, v: Value) -> PyResult<Vec<u8>> {
        match v.as_obj().map(|o| &o.data) {
            Some(ObjData::Bytes(b)) => Ok(b.to_vec()),
            Some(ObjData::ByteArray(b)) => Ok(b.get().clone()),
            _ => Err(self.type_error(&format!(
                "a bytes-like object is required, not '{}'",
                self.type_name(v)
            ))),
        }
    }

    // ---- repr and str ---------------------------------------------------------------

    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        if v.is_small_int() {
            let mut buf = [0; 20];
            let text = crate::builtins::numbers::i64_text(v.as_small_int(), &mut buf);
            return Ok(self.new_str(text));
        }
        let s = self.repr_string(v)?;
        Ok(self.new_string(s))
    }

    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        // a set subclass's str is its repr (`S({1})`), not its payload's
        let p = self.base_payload(v);
        if !p.is_empty()
            && matches!(p.as_obj().map(|o| &o.data), Some(ObjData::Set(_)))
            && self.unwrap_payload(v, "__str__") == p
        {
            return self.repr(v);
        }
        let v = self.unwrap_payload(v, "__str__");
        let v = if self.base_payload(v).is_empty() {
            v
        } else {
            self.unwrap_payload(v, "__repr__")
        };
        if let Some(o) = v.as_obj() {
            if let ObjData::Str(_) = &o.data
                && self.type_of(v) == self.types.str
            {
                return Ok(v);
            }
            if !self.is_builtin_exact(v)
                || matches!(o.data, ObjData::Instance(_) | ObjData::Native(_))
            {
                if let Some(r) = self.call_dunder(v, "__str__", &[])? {
                    if !self.is_str(r) {
                        return Err(self.type_error(&format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(r)
                        )));
                    }
                    return Ok(r);
                }
            }
        }
        self.repr(v)
    }

    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr_string(v)?;
        let mut out = String::new();
        for c in r.chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n < 256 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 65536 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(self.new_string(out))
    }

    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let s = self.str(v)?;
        Ok(str_of(s).to_string())
    }

    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        if v.is_small_int() {
            return Ok(v.as_small_int().to_string());
        }
        if v.is_float() {
            return Ok(float_repr(v.as_float()));
        }
        if v.is_bool() {
            return Ok(if v == Value::TRUE { "True" } else { "False" }.into());
        }
        if v.is_none() {
            return Ok("None".into());
        }
        if v.is_empty() {
            return Ok("<NULL>".into());
        }
        let p = self.unwrap_payload(v, "__repr__");
        if p != v {
            let r = self.repr_string(p)?;
            // a set or frozenset subclass's instance is shown with its class's
            // name (`S({1})`, `F()`), unlike a list's or a dict's
            if matches!(p.as_obj().map(|o| &o.data), Some(ObjData::Set(_))) {
                let name = type_obj(self.type_of(v)).name.clone();
                let inner = match r.strip_prefix("frozenset(") {
                    Some(x) => x.strip_suffix(')').unwrap_or(x).to_string(),
                    None if r == "set()" => String::new(),
                    None => r,
                };
                return Ok(format!("{name}({inner})"));
            }
            return Ok(r);
        }
        let o = v.obj();
        let user = !self.is_builtin_exact(v)
            || matches!(o.data, ObjData::Instance(_) | ObjData::Native(_));
        if user
            && let Some(f) = self.dunder(v, "__repr__")
            && !(crate::vm::call::is_builtin_fn(f)
                && matches!(o.data, ObjData::Instance(_))
                && !self.is_exception_instance(v)
                && str_of(self.builtin_name(f)) == "__repr__"
                && self.owned_by_builtins_type(f))
        {
            let r = self.call(f, &[v])?;
            if !self.is_str(r) {
                return Err(self.type_error(&format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(r)
                )));
            }
            return Ok(str_of(r).to_string());
        }
        if self.repr_stack.contains(&v) {
            return Ok(match &o.data {
                ObjData::List(_) => "[...]",
                ObjData::Dict(_) => "{...}",
                ObjData::Tuple(_) => "(...)",
                _ => "...",
            }
            .into());
        }
        self.repr_stack.push(v);
        if self.repr_stack.len() > self.recursion_limit {
            self.repr_stack.pop();
            return Err(self.error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let r = self.repr_builtin(v);
        self.repr_stack.pop();
        r
    }

    /// Whether builtin `f` is a method of a type of `builtins` (or has no owner):
    /// `dict.__repr__` found on a dict subclass's instance, not `OrderedDict`'s.
    fn owned_by_builtins_type(&self, f: Value) -> bool {
        match &f.obj().data {
            ObjData::Builtin(b) => {
                b.owner.is_empty()
                    || !crate::vm::types::is_type(b.owner)
                    || type_obj(b.owner).module == "builtins"
            }
            _ => true,
        }
    }

    fn builtin_name(&mut self, f: Value) -> Value {
        match &f.obj().data {
            ObjData::Builtin(b) => self.intern(b.name),
            _ => Value::NONE,
        }
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr_string(*x)?);
        }
        Ok(parts.join(", "))
    }

    fn repr_builtin(&mut self, v: Value) -> PyResult<String> {
        let o = v.obj();
        Ok(match &o.data {
            ObjData::Str(s) => str_repr(&s.s),
            ObjData::BigInt(b) => crate::builtins::numbers::decimal_text(self, b)?,
            ObjData::Complex(re, im) => crate::vm::complex::complex_repr(*re, *im),
            ObjData::List(l) => {
                let items = l.get().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            ObjData::Tuple(t) => {
                let items = t.to_vec();
                if items.len() == 1 {
                    format!("({},)", self.repr_string(items[0])?)
                } else {
                    format!("({})", self.join_reprs(&items)?)
                }
            }
            ObjData::Dict(d) => {
                let entries: Vec<(Value, Value)> =
                    d.get().iter().map(|e| (e.key, e.value)).collect();
                let mut parts = Vec::new();
                for (k, val) in entries {
                    parts.push(format!(
                        "{}: {}",
                        self.repr_string(k)?,
                        self.repr_string(val)?
                    ));
                }
                format!("{{{}}}", parts.join(", "))
            }
            ObjData::Set(s) => {
                let items: Vec<Value> = s.get().iter().map(|e| e.key).collect();
                let frozen = self.type_of(v) == self.types.frozenset;
                if items.is_empty() {
                    if frozen {
                        "frozenset()".into()
                    } else {
                        "set()".into()
                    }
                } else if frozen {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            ObjData::Bytes(b) => bytes_repr(b),
            ObjData::ByteArray(b) => format!("bytearray({})", bytes_repr(b.get())),
            ObjData::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            ObjData::Slice { start, stop, step } => {
                let (a, b, c) = (*start, *stop, *step);
                format!(
                    "slice({}, {}, {})",
                    self.repr_string(a)?,
                    self.repr_string(b)?,
                    self.repr_string(c)?
                )
            }
            ObjData::Type(t) => {
                // the class's `__module__` as it is now (a class body or a
                // later assignment may set it)
                let k = self.name("__module__");
                let module = match self.dict_get_str_in(t.dict.get(), k) {
                    Some(m) if self.is_str(m) => str_of(m),
                    _ => t.module.as_str(),
                };
                if module == "builtins" {
                    format!("<class '{}'>", t.qualname)
                } else {
                    format!("<class '{}.{}'>", module, t.qualname)
                }
            }
            ObjData::Function(f) => format!(
                "<function {} at {:#x}>",
                str_of(*f.qualname.get()),
                v.0 & 0xFFFF_FFFF_FFFF
            ),
            ObjData::BoundMethod { func, slf } => {
                let (func, slf) = (*func, *slf);
                let name = match self.function(func) {
                    Some(f) => str_of(*f.qualname.get()).to_string(),
                    // any callable: its __qualname__, else __name__, if a str
                    None => {
                        let mut name = "?".to_string();
                        for attr in ["__qualname__", "__name__"] {
                            let k = self.intern(attr);
                            match self.getattr(func, k) {
                                Ok(n) => {
                                    if self.is_str(n) {
                                        name = str_of(n).to_string();
                                    }
                                    break;
                                }
                                Err(e) if self.matches(e.0, "AttributeError") => {}
                                Err(e) => return Err(e),
                            }
                        }
                        name
                    }
                };
                format!("<bound method {} of {}>", name, self.repr_string(slf)?)
            }
            ObjData::Builtin(b) => {
                if b.bound.is_empty() {
                    format!("<built-in function {}>", b.name)
                } else {
                    format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        self.type_name(b.bound),
                        b.bound.0 & 0xFFFF_FFFF_FFFF
                    )
                }
            }
            ObjData::Module { name, .. } => format!("<module '{}'>", str_of(*name)),
            ObjData::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                self.type_name(v),
                str_of(g.get().qualname),
                v.0 & 0xFFFF_FFFF_FFFF
            ),
            ObjData::Plain if v == self.not_implemented => "NotImplemented".into(),
            ObjData::Plain if v == self.ellipsis => "Ellipsis".into(),
            ObjData::DictView { dict, kind } => {
                let d = *dict;
                let name = match kind {
                    crate::object::DictIterKind::Keys => "dict_keys",
                    crate::object::DictIterKind::Values => "dict_values",
                    crate::object::DictIterKind::Items => "dict_items",
                };
                let items = self.collect_iter(v)?;
                let _ = d;
                format!("{}([{}])", name, self.join_reprs(&items)?)
            }
            ObjData::Instance(_) if self.is_exception_instance(v) => {
                let r = self.call_method(v, "__repr__", &[])?;
                str_of(r).to_string()
            }
            _ => {
                let t = type_obj(self.type_of(v));
                if t.module == "builtins" {
                    format!("<{} object at {:#x}>", t.qualname, v.0 & 0xFFFF_FFFF_FFFF)
                } else {
                    format!(
                        "<{}.{} object at {:#x}>",
                        t.module,
                        t.qualname,
                        v.0 & 0xFFFF_FFFF_FFFF
                    )
                }
            }
        })
    }

    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<Value> {
        crate::builtins::format::format_value(self, v, spec)
    }
}

impl Vm {
    /// CPython's `_PyObject_FunctionStr`: `module.qualname()` for functions.
    pub fn function_str(&mut self, f: Value) -> String {
        match f.as_obj().map(|o| &o.data) {
            Some(ObjData::Function(func)) => {
                let k = self.name("__name__");
                let module = self
                    .dict_get_str(func.globals, k)
                    .map(|m| str_of(m).to_string());
                let q = str_of(*func.qualname.get());
                match module {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Some(ObjData::BoundMethod { func, .. }) => {
                let f = *func;
                self.function_str(f)
            }
            Some(ObjData::Builtin(b)) => format!("{}()", b.name),
            Some(ObjData::Type(t)) => format!("{}()", t.qualname),
            _ => format!("{} object", self.type_name(f)),
        }
    }
}

/// What identifies a range as a sequence: its length, its first item (when not
/// empty) and its step (when longer than one).
fn range_key(v: Value) -> (usize, Option<i64>, Option<i64>) {
    let ObjData::Range { start, stop, step } = &v.obj().data else {
        return (0, None, None);
    };
    let n = range_len(*start, *stop, *step);
    (n, (n > 0).then_some(*start), (n > 1).then_some(*step))
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    // in i128: the distance between two i64 ends does not fit an i64
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

fn ord_matches(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

/// Exact comparison of an int with a float.
fn cmp_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    if let Some(x) = i.to_i64()
        && x.unsigned_abs() < (1u64 << 53)
    {
        return (x as f64).partial_cmp(&f);
    }
    let fl = f.floor();
    let fi = BigInt::from(fl as i128);
    let fi = if fl.abs() >= 1e38 {
        num_bigint::BigInt::from_signed_bytes_le(&[]) + bigint_from_f64(fl)
    } else {
        fi
    };
    match i.cmp(&fi) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub fn bigint_from_f64(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 { -r } else { r }
}

/// Python's `repr` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) || c as u32 == 0xad => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !crate::builtins::str::is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
