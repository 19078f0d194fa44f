//! What `match` statements ask of objects at run time: whether a sequence or mapping
//! pattern applies, the values a mapping pattern's keys select, a class pattern's
//! attributes, and a mapping's `**rest`. The bytecodes are in `compiler::bytecode`;
//! their compilation in `compiler::codegen::patterns`.

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::types::{is_type, lookup, type_obj};
use crate::vm::{PyResult, Vm, str_eq, str_of};

/// `__abc_tpflags__` bits CPython's collections.abc classes declare (Py_TPFLAGS_SEQUENCE,
/// Py_TPFLAGS_MAPPING): a class deriving from `Sequence` or `Mapping` opts in.
const ABC_SEQUENCE: i64 = 1 << 5;
const ABC_MAPPING: i64 = 1 << 6;

impl Vm {
    fn abc_flags(&mut self, cls: Value) -> i64 {
        let name = self.name("__abc_tpflags__");
        match lookup(self, cls, name) {
            Some(v) if v.is_small_int() => v.as_small_int(),
            _ => 0,
        }
    }

    /// Sequence patterns apply to list, tuple, range, memoryview, deque and
    /// array (and their subclasses), never to str, bytes or bytearray.
    pub fn is_match_sequence(&mut self, v: Value) -> bool {
        let cls = self.type_of(v);
        let t = &self.types;
        let builtin = [t.list, t.tuple, t.range];
        let seq = type_obj(cls).mro.get().iter().any(|&c| {
            let to = type_obj(c);
            builtin.contains(&c)
                || matches!(
                    (to.name.as_str(), to.module.as_str()),
                    ("deque", "collections") | ("array", "array") | ("memoryview", "builtins")
                )
        });
        seq || self.abc_flags(cls) & ABC_SEQUENCE != 0
    }

    /// Mapping patterns apply to dicts (and subclasses) and `Mapping`s.
    pub fn is_match_mapping(&mut self, v: Value) -> bool {
        let cls = self.type_of(v);
        self.is_subclass(cls, self.types.dict) || self.abc_flags(cls) & ABC_MAPPING != 0
    }

    /// The values `subject.get` gives for `keys`, or None when one is missing.
    pub fn match_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let keys = self.items_of_tuple(keys);
        if keys.is_empty() {
            return Ok(self.empty_tuple);
        }
        let get_name = self.name("get");
        let get = self.getattr(subject, get_name)?;
        let seen = self.new_set();
        // a fresh object no mapping can hold: `get`'s default
        let dummy = self.alloc(self.types.object, ObjData::Plain);
        let base = self.temp_roots.len();
        self.temp_roots.extend([get, seen, dummy]);
        let r = self.match_keys_with(get, seen, dummy, &keys);
        self.temp_roots.truncate(base);
        r
    }

    fn match_keys_with(
        &mut self,
        get: Value,
        seen: Value,
        dummy: Value,
        keys: &[Value],
    ) -> PyResult<Value> {
        let mut values = Vec::with_capacity(keys.len());
        for &k in keys {
            if self.contains(seen, k)? {
                let r = self.repr(k)?;
                let msg = format!("mapping pattern checks duplicate key ({})", str_of(r));
                return Err(self.value_error(&msg));
            }
            self.set_add(seen, k)?;
            let v = self.call(get, &[k, dummy])?;
            if v == dummy {
                return Ok(Value::NONE);
            }
            self.temp_roots.push(v);
            values.push(v);
        }
        Ok(self.new_tuple(values))
    }

    /// `dict(subject)` without `keys` (they matched, so each is there).
    pub fn copy_dict_without(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let rest = self.new_dict();
        self.temp_roots.push(rest);
        let r = self.dict_update_from(rest, subject, false).and_then(|_| {
            for k in self.items_of_tuple(keys) {
                self.delitem(rest, k)?;
            }
            Ok(rest)
        });
        self.temp_roots.pop();
        r
    }

    /// A class pattern: None unless `subject` is an instance of `cls`, else the
    /// attributes its `nargs` positional sub-patterns (through `__match_args__`, or
    /// the subject itself for the built-in types that match themselves) and its
    /// keyword sub-patterns (`names`) name, in that order; None too when one is
    /// missing.
    pub fn match_class(
        &mut self,
        subject: Value,
        cls: Value,
        nargs: usize,
        names: Value,
    ) -> PyResult<Value> {
        if !is_type(cls) {
            return Err(self.type_error("called match pattern must be a type"));
        }
        if !self.isinstance(subject, cls) {
            return Ok(Value::NONE);
        }
        let base = self.temp_roots.len();
        let r = self.match_class_attrs(subject, cls, nargs, names);
        self.temp_roots.truncate(base);
        r
    }

    fn match_class_attrs(
        &mut self,
        subject: Value,
        cls: Value,
        nargs: usize,
        names: Value,
    ) -> PyResult<Value> {
        let tname = type_obj(cls).name.clone();
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let ma = self.name("__match_args__");
            let (match_args, match_self) = match self.getattr_opt(cls, ma)? {
                Some(m) if self.type_of(m) == self.types.tuple => (self.items_of_tuple(m), false),
                Some(m) => {
                    let msg = format!(
                        "{tname}.__match_args__ must be a tuple (got {})",
                        self.type_name(m)
                    );
                    return Err(self.type_error(&msg));
                }
                None => (Vec::new(), self.matches_self(cls)),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let s = if allowed == 1 { "" } else { "s" };
                let msg = format!(
                    "{tname}() accepts {allowed} positional sub-pattern{s} ({nargs} given)"
                );
                return Err(self.type_error(&msg));
            }
            if match_self {
                attrs.push(subject);
            } else {
                for &name in &match_args[..nargs] {
                    if !self.is_str(name) {
                        let msg = format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        );
                        return Err(self.type_error(&msg));
                    }
                    match self.match_class_attr(subject, &tname, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
        }
        for name in self.items_of_tuple(names) {
            match self.match_class_attr(subject, &tname, name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    fn match_class_attr(
        &mut self,
        subject: Value,
        tname: &str,
        name: Value,
        seen: &mut Vec<Value>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|&s| str_eq(s, name)) {
            let msg = format!(
                "{tname}() got multiple sub-patterns for attribute '{}'",
                str_of(name)
            );
            return Err(self.type_error(&msg));
        }
        seen.push(name);
        let name = self.intern_value(name);
        match self.getattr(subject, name) {
            Ok(v) => {
                self.temp_roots.push(v);
                Ok(Some(v))
            }
            Err(e) if self.matches(e.0, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The built-in types whose class patterns take the subject itself as their one
    /// positional sub-pattern (`int(x)`), and their subclasses.
    fn matches_self(&self, cls: Value) -> bool {
        let t = &self.types;
        let selfish = [
            t.bool,
            t.bytearray,
            t.bytes,
            t.dict,
            t.float,
            t.frozenset,
            t.int,
            t.list,
            t.set,
            t.str,
            t.tuple,
        ];
        type_obj(cls).mro.get().iter().any(|c| selfish.contains(c))
    }

    fn items_of_tuple(&self, t: Value) -> Vec<Value> {
        match t.as_obj().map(|o| &o.data) {
            Some(ObjData::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        }
    }
}
