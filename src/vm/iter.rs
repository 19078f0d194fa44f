//! The iteration protocol: `iter()`, `next()` (exhaustion is `Ok(None)`, never a
//! StopIteration allocation on the fast path) and collecting iterables.

use crate::object::{DictIterKind, IterState, ObjData};
use crate::value::Value;
use crate::vm::interp::Resumed;
use crate::vm::{PyResult, Vm};

/// The most items `collect_iter` gathers: an endless iterator stops with
/// MemoryError before the machine's memory does.
const MAX_ITEMS: usize = (crate::vm::MAX_ALLOC_BYTES / 8) as usize;

/// A dict or set changed size under its iterator (`hashed_iter_step`).
pub(crate) struct SizeChanged;

impl Vm {
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        let v = self.unwrap_payload(v, "__iter__");
        if let Some(o) = v.as_obj() {
            let st = match &o.data {
                ObjData::List(_) | ObjData::Tuple(_) => Some(IterState::Seq { seq: v, idx: 0 }),
                ObjData::Range { start, stop, step } => Some(IterState::Range {
                    cur: *start,
                    stop: *stop,
                    step: *step,
                }),
                ObjData::Str(_) => Some(IterState::Str { s: v, byte_pos: 0 }),
                ObjData::Bytes(_) | ObjData::ByteArray(_) => {
                    Some(IterState::Bytes { b: v, idx: 0 })
                }
                ObjData::Dict(d) => Some(IterState::Dict {
                    dict: v,
                    idx: 0,
                    kind: DictIterKind::Keys,
                    len: d.get().len(),
                }),
                ObjData::DictView { dict, kind } => {
                    let len = match &dict.obj().data {
                        ObjData::Dict(d) => d.get().len(),
                        _ => 0,
                    };
                    Some(IterState::Dict {
                        dict: *dict,
                        idx: 0,
                        kind: *kind,
                        len,
                    })
                }
                ObjData::Set(s) => Some(IterState::Set {
                    set: v,
                    idx: 0,
                    len: s.get().len(),
                }),
                ObjData::Iter(_) => return Ok(v),
                ObjData::Generator(_) if self.type_of(v) == self.types.generator => return Ok(v),
                _ => None,
            };
            if let Some(st) = st {
                if self.type_of(v) == self.type_of(v) && self.is_builtin_type_exact(v) {
                    return Ok(self.new_iter(st));
                }
            }
        }
        if let Some(r) = self.call_dunder(v, "__iter__", &[])? {
            return self.iter_result(r);
        }
        if self.dunder(v, "__getitem__").is_some() {
            return Ok(self.new_iter(IterState::GetItem { obj: v, idx: 0 }));
        }
        Err(self.type_error(&format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// What `iter` makes of the value an `__iter__` returned: it must be an
    /// iterator.
    pub fn iter_result(&mut self, r: Value) -> PyResult<Value> {
        if self.dunder(r, "__next__").is_none() && !self.is_native_iterator(r) {
            return Err(self.type_error(&format!(
                "iter() returned non-iterator of type '{}'",
                self.type_name(r)
            )));
        }
        Ok(r)
    }

    fn is_native_iterator(&self, v: Value) -> bool {
        v.is_obj() && matches!(v.obj().data, ObjData::Iter(_) | ObjData::Generator(_))
    }

    /// Whether `v` is an instance of the built-in type itself (not a user subclass
    /// that may override `__iter__`).
    fn is_builtin_type_exact(&self, v: Value) -> bool {
        let t = crate::vm::types::type_obj(self.type_of(v));
        t.module == "builtins"
    }

    /// Advances an iterator; Ok(None) when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Some(o) = it.as_obj() else {
            return Err(self.type_error(&format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        match &o.data {
            ObjData::Iter(st) => self.next_native(st.get()),
            ObjData::Generator(_) => match self.gen_resume(it, Value::NONE, None)? {
                Resumed::Yielded(v) => Ok(Some(v)),
                Resumed::Returned(v) => {
                    self.stop_value = v;
                    Ok(None)
                }
            },
            _ => match self.call_dunder(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(self.type_error(&format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
                Err(e) if self.matches(e.0, "StopIteration") => {
                    let k = self.name("value");
                    self.stop_value = self.instance_get_attr(e.0, k).unwrap_or(Value::NONE);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
        }
    }

    fn next_native(&mut self, st: &mut IterState) -> PyResult<Option<Value>> {
        let r = match st {
            IterState::Seq { seq, idx } => {
                let item = match &seq.obj().data {
                    ObjData::List(l) => l.get().get(*idx).copied(),
                    ObjData::Tuple(t) => t.get(*idx).copied(),
                    _ => None,
                };
                if item.is_some() {
                    *idx += 1;
                }
                item
            }
            IterState::Range { cur, stop, step } => {
                let c = *cur;
                if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                    // past i64 is past `stop` too
                    *cur = c.checked_add(*step).unwrap_or(*stop);
                    Some(self.new_int(c))
                } else {
                    None
                }
            }
            IterState::Str { s, byte_pos } => {
                let text = crate::vm::str_of(*s);
                match text[*byte_pos..].chars().next() {
                    Some(c) => {
                        *byte_pos += c.len_utf8();
                        let mut buf = [0u8; 4];
                        Some(self.char_str(c.encode_utf8(&mut buf)))
                    }
                    None => None,
                }
            }
            IterState::Bytes { b, idx } => {
                let byte = match &b.obj().data {
                    ObjData::Bytes(x) => x.get(*idx).copied(),
                    ObjData::ByteArray(x) => x.get().get(*idx).copied(),
                    _ => None,
                };
                byte.map(|x| {
                    *idx += 1;
                    Value::small_int(x as i64)
                })
            }
            IterState::Dict { .. } | IterState::Set { .. } => match self.hashed_iter_step(st) {
                Ok(item) => item,
                Err(SizeChanged) => {
                    if let IterState::Dict { len, .. } = st {
                        *len = usize::MAX;
                        return Err(self.runtime_error("dictionary changed size during iteration"));
                    }
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
            },
            IterState::Enumerate { it, n } => {
                let (it, cur) = (*it, *n);
                match self.next(it)? {
                    Some(v) => {
                        let one = Value::small_int(1);
                        let next =
                            self.binary_op(crate::compiler::bytecode::BinOp::Add, cur, one)?;
                        *n = next;
                        Some(self.new_tuple(vec![cur, v]))
                    }
                    None => None,
                }
            }
            IterState::Zip { its, strict } => {
                let its = its.clone();
                let strict = *strict;
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.next(*it)? {
                        Some(v) => out.push(v),
                        None => {
                            if !strict {
                                return Ok(None);
                            }
                            // CPython's messages: "argument 3 is shorter than
                            // arguments 1-2"
                            let plural = |n: usize| {
                                if n == 1 {
                                    " 1".to_string()
                                } else {
                                    format!("s 1-{n}")
                                }
                            };
                            if i > 0 {
                                return Err(self.value_error(&format!(
                                    "zip() argument {} is shorter than argument{}",
                                    i + 1,
                                    plural(i)
                                )));
                            }
                            // the first ran out: every other must be at its end too
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if self.next(*other)?.is_some() {
                                    return Err(self.value_error(&format!(
                                        "zip() argument {} is longer than argument{}",
                                        j + 1,
                                        plural(j)
                                    )));
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if its.is_empty() {
                    return Ok(None);
                }
                Some(self.new_tuple(out))
            }
            IterState::Map { func, its } => {
                let (func, its) = (*func, its.clone());
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(*it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                let base = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&args);
                let r = self.call(func, &args);
                self.temp_roots.truncate(base);
                Some(r?)
            }
            IterState::Filter { func, it } => {
                let (func, it) = (*func, *it);
                loop {
                    let Some(v) = self.next(it)? else {
                        return Ok(None);
                    };
                    let keep = if func.is_none() {
                        self.truthy(v)?
                    } else {
                        self.temp_roots.push(v);
                        let r = self.call(func, &[v]);
                        self.temp_roots.pop();
                        let r = r?;
                        self.truthy(r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (*func, *sentinel);
                let v = self.call(func, &[])?;
                if self.eq(v, sentinel)? {
                    *st = IterState::Exhausted;
                    None
                } else {
                    Some(v)
                }
            }
            IterState::Reversed { seq, idx } => {
                if *idx == 0 {
                    None
                } else {
                    *idx -= 1;
                    let (seq, i) = (*seq, *idx);
                    match &seq.obj().data {
                        ObjData::List(l) => l.get().get(i).copied(),
                        ObjData::Tuple(t) => t.get(i).copied(),
                        _ => {
                            let iv = self.new_int(i as i64);
                            Some(self.getitem(seq, iv)?)
                        }
                    }
                }
            }
            IterState::GetItem { obj, idx } => {
                let (obj, i) = (*obj, *idx);
                let iv = self.new_int(i);
                match self.getitem(obj, iv) {
                    Ok(v) => {
                        *idx += 1;
                        Some(v)
                    }
                    Err(e)
                        if self.matches(e.0, "IndexError")
                            || self.matches(e.0, "StopIteration") =>
                    {
                        *st = IterState::Exhausted;
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            IterState::Exhausted => None,
        };
        Ok(r)
    }

    /// The next `(key, value)` of a dict items iterator, without the tuple
    /// (None: exhausted or another kind of iterator).
    pub(crate) fn dict_items_step(
        &mut self,
        st: &mut IterState,
    ) -> Result<Option<(Value, Value)>, SizeChanged> {
        match st {
            IterState::Dict {
                dict,
                idx,
                kind: DictIterKind::Items,
                len,
            } => dict_entry_step(*dict, idx, *len),
            _ => Ok(None),
        }
    }

    /// One step of a dict (keys, values or items) or set iterator: the next
    /// item, None at the end, or `SizeChanged` (the interpreter raises
    /// RuntimeError; a trace's helper exits). Runs no Python code. Ok(None)
    /// for any other iterator state too.
    pub(crate) fn hashed_iter_step(
        &mut self,
        st: &mut IterState,
    ) -> Result<Option<Value>, SizeChanged> {
        match st {
            IterState::Dict {
                dict,
                idx,
                kind,
                len,
            } => {
                let Some((k, v)) = dict_entry_step(*dict, idx, *len)? else {
                    return Ok(None);
                };
                Ok(Some(match kind {
                    DictIterKind::Keys => k,
                    DictIterKind::Values => v,
                    DictIterKind::Items => self.new_tuple(vec![k, v]),
                }))
            }
            IterState::Set { set, idx, len } => {
                let ObjData::Set(s) = &set.obj().data else {
                    return Ok(None);
                };
                let s = s.get();
                if s.len() != *len {
                    return Err(SizeChanged);
                }
                let Some((pos, e)) = s.entry_from(*idx) else {
                    return Ok(None);
                };
                *idx = pos + 1;
                Ok(Some(e.key))
            }
            _ => Ok(None),
        }
    }

    /// All items of an iterable. The partial result is rooted while Python code runs.
    /// A generator is drained through a sink (src/vm/drain.rs).
    pub fn collect_iter(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Some(o) = v.as_obj() {
            match &o.data {
                ObjData::List(l) if self.is_builtin_type_exact(v) => return Ok(l.get().clone()),
                ObjData::Tuple(t) if self.is_builtin_type_exact(v) => return Ok(t.to_vec()),
                ObjData::Range { start, stop, step } => {
                    // a known length: too long is a MemoryError up front, as CPython's
                    // preallocation from the length hint
                    let (a, b, s) = (*start as i128, *stop as i128, *step as i128);
                    let n = if s > 0 && b > a {
                        (b - a + s - 1) / s
                    } else if s < 0 && a > b {
                        (a - b - s - 1) / -s
                    } else {
                        0
                    };
                    self.check_alloc(n as u128, std::mem::size_of::<Value>())?;
                }
                _ => {}
            }
        }
        if crate::vm::drain::is_plain_generator(self, v) {
            let acc = self.new_list(Vec::new());
            let slot = self.temp_roots.len();
            self.temp_roots.push(acc);
            let r = self.drain_generator(v, crate::vm::drain::SinkKind::List, slot, |vm, x| {
                if let ObjData::List(l) = &acc.obj().data {
                    if l.get().len() >= MAX_ITEMS {
                        return Err(vm.error("MemoryError", ""));
                    }
                    l.get().push(x);
                }
                Ok(true)
            });
            self.temp_roots.truncate(slot);
            self.stop_value = r?.unwrap_or(Value::NONE);
            let ObjData::List(l) = &acc.obj().data else {
                unreachable!()
            };
            return Ok(std::mem::take(l.get()));
        }
        let it = self.iter(v)?;
        let acc = self.new_list(Vec::new());
        self.temp_roots.push(acc);
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                if let ObjData::List(l) = &acc.obj().data {
                    if l.get().len() >= MAX_ITEMS {
                        // an endless iterator: stop before the machine's memory does
                        return Err(self.error("MemoryError", ""));
                    }
                    l.get().push(x);
                }
            }
            Ok(())
        })();
        self.temp_roots.pop();
        self.temp_roots.pop();
        r?;
        let ObjData::List(l) = &acc.obj().data else {
            unreachable!()
        };
        Ok(std::mem::take(l.get()))
    }

    /// Unpacks exactly `n` items for `a, b = seq`.
    /// `UnpackEx(spec)` (`a, *b, c = seq`): the values as the stack holds them,
    /// deepest first (the last item at the bottom, the first on top, the
    /// starred list between).
    pub fn unpack_ex(&mut self, seq: Value, spec: u32) -> PyResult<Vec<Value>> {
        let before = (spec & 0xFFFF) as usize;
        let after = (spec >> 16) as usize;
        let items = self.collect_iter(seq)?;
        if items.len() < before + after {
            return Err(self.value_error(&format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid = self.new_list(items[before..items.len() - after].to_vec());
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[items.len() - after..].iter().rev());
        out.push(mid);
        out.extend(items[..before].iter().rev());
        Ok(out)
    }

    pub fn unpack(&mut self, seq: Value, n: usize) -> PyResult<Vec<Value>> {
        if let Some(o) = seq.as_obj() {
            let fixed = match &o.data {
                ObjData::Tuple(t) => Some(t.to_vec()),
                ObjData::List(l) => Some(l.get().clone()),
                _ => None,
            };
            if let Some(items) = fixed {
                return self.check_unpack(items, n);
            }
        }
        let it = self.iter(seq).map_err(|e| {
            if self.matches(e.0, "TypeError") {
                self.type_error(&format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                ))
            } else {
                e
            }
        })?;
        let mut out = Vec::with_capacity(n);
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.next(it)? {
                out.push(x);
                self.temp_roots.push(x);
                if out.len() > n {
                    break;
                }
            }
            Ok(())
        })();
        let base = self.temp_roots.len() - out.len() - 1;
        self.temp_roots.truncate(base);
        r?;
        self.check_unpack(out, n)
    }

    fn check_unpack(&mut self, items: Vec<Value>, n: usize) -> PyResult<Vec<Value>> {
        if items.len() == n {
            return Ok(items);
        }
        if items.len() > n {
            return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
        }
        Err(self.value_error(&format!(
            "not enough values to unpack (expected {}, got {})",
            n,
            items.len()
        )))
    }

    pub fn tuple_items(&self, v: Value) -> Option<Vec<Value>> {
        match &v.as_obj()?.data {
            ObjData::Tuple(t) => Some(t.to_vec()),
            _ => None,
        }
    }

    /// A one-character string (ASCII ones are cached as interned strings).
    pub fn char_str(&mut self, s: &str) -> Value {
        if s.len() == 1 {
            let k = s.as_bytes()[0] as usize;
            let v = self.ascii_chars[k];
            if !v.is_empty() {
                return v;
            }
            let v = self.intern(s);
            self.ascii_chars[k] = v;
            return v;
        }
        self.new_str(s)
    }
}

/// The next entry of `dict` from position `idx` on (advancing it), None at the
/// end, or `SizeChanged` when the dict no longer has `len` entries.
fn dict_entry_step(
    dict: Value,
    idx: &mut usize,
    len: usize,
) -> Result<Option<(Value, Value)>, SizeChanged> {
    let ObjData::Dict(d) = &dict.obj().data else {
        return Ok(None);
    };
    let d = d.get();
    if d.len() != len {
        return Err(SizeChanged);
    }
    let Some((pos, e)) = d.entry_from(*idx) else {
        return Ok(None);
    };
    *idx = pos + 1;
    Ok(Some((e.key, e.value)))
}
