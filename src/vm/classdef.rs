//! The `class` statement's protocol around the namespace: bases replaced through
//! `__mro_entries__` (PEP 560, with `__orig_bases__`), the most derived metaclass,
//! `__prepare__`, class keywords passed on to the metaclass, and, once a class is
//! made by `type.__new__`, `__set_name__` on its attributes and the parent's
//! `__init_subclass__` (PEP 487).

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::types::{is_type, type_obj};
use crate::vm::{Args, PyResult, Vm, str_of};

impl Vm {
    /// `__build_class__(body, name, *bases, metaclass=..., **kw)`
    pub fn build_class(&mut self, args: Args) -> PyResult<Value> {
        // what the compiler passes is well formed; `builtins.__build_class__`
        // called by hand may pass anything
        let [body, name, ..] = *args.pos else {
            return Err(self.type_error("__build_class__: not enough arguments"));
        };
        if self.function(body).is_none() {
            return Err(self.type_error("__build_class__: func must be a function"));
        }
        if !self.is_str(name) {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let orig_bases: Vec<Value> = args.pos[2..].to_vec();
        let kw: Vec<(Value, Value)> = args
            .kw
            .iter()
            .filter(|(k, _)| str_of(*k) != "metaclass")
            .copied()
            .collect();
        let base = self.temp_roots.len();
        let r = self.build_class_rooted(body, name, orig_bases, args.kwarg("metaclass"), &kw);
        self.temp_roots.truncate(base);
        r
    }

    fn build_class_rooted(
        &mut self,
        body: Value,
        name: Value,
        orig_bases: Vec<Value>,
        metaclass: Option<Value>,
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let bases = self.mro_entries(&orig_bases)?;
        let meta = match metaclass {
            // a metaclass that is not a class (a function) is called as it is
            Some(m) if !is_type(m) => m,
            Some(m) => self.most_derived_metaclass(m, &bases)?,
            None => {
                let t = self.types.type_;
                self.most_derived_metaclass(t, &bases)?
            }
        };
        let bases_t = self.new_tuple(bases.clone());
        self.temp_roots.push(bases_t);
        let pk = self.name("__prepare__");
        let ns = if meta == self.types.type_ {
            self.new_dict()
        } else {
            match self.getattr_opt(meta, pk)? {
                Some(p) => self.call_kw(p, &[name, bases_t], kw)?,
                None => self.new_dict(),
            }
        };
        self.temp_roots.push(ns);
        if !self.is_mapping(ns) {
            return Err(self.type_error(&format!(
                "{}.__prepare__() must return a mapping, not {}",
                if is_type(meta) {
                    type_obj(meta).name.clone()
                } else {
                    "<metaclass>".to_string()
                },
                self.type_name(ns)
            )));
        }
        if bases != orig_bases {
            let k = self.name("__orig_bases__");
            let ob = self.new_tuple(orig_bases);
            self.setitem(ns, k, ob)?;
        }
        let func = self.function(body).expect("class body");
        let mut frame = Frame::new(func.code.clone(), func.globals, ns, body);
        let nl = func.code.nlocals();
        for i in 0..func.code.cellvars.len() {
            frame.slots[nl + i] = self.alloc(
                self.types.cell,
                ObjData::Cell(crate::object::Mut::new(Value::EMPTY)),
            );
        }
        let nc = func.code.cellvars.len();
        for (i, c) in func.closure.iter().enumerate() {
            frame.slots[nl + nc + i] = *c;
        }
        self.run_frame(frame)?;
        let cls = if meta == self.types.type_ && self.type_of(ns) == self.types.dict {
            let qn_key = self.name("__qualname__");
            let qual = self.dict_get_str(ns, qn_key).map(|q| str_of(q).to_string());
            let n = str_of(name).to_string();
            let cls = self.new_class(&n, qual.as_deref().unwrap_or(&n), bases, ns)?;
            self.temp_roots.push(cls);
            self.class_created(cls, kw)?;
            cls
        } else {
            self.call_kw(meta, &[name, bases_t, ns], kw)?
        };
        let cc = self.name("__classcell__");
        let cell = if self.type_of(ns) == self.types.dict {
            self.dict_get_str(ns, cc)
        } else {
            self.getitem(ns, cc).ok()
        };
        if let Some(cell) = cell {
            crate::vm::interp::cell_set(cell, cls);
        }
        Ok(cls)
    }

    fn is_mapping(&mut self, v: Value) -> bool {
        if self.isinstance(v, self.types.dict) {
            return true;
        }
        let cls = self.type_of(v);
        let k = self.name("__getitem__");
        crate::vm::types::lookup(self, cls, k).is_some()
    }

    /// PEP 560: a base that is not a class but has `__mro_entries__` is replaced by
    /// the classes that method returns.
    fn mro_entries(&mut self, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(bases.len());
        let k = self.name("__mro_entries__");
        let orig = self.new_tuple_from(bases);
        self.temp_roots.push(orig);
        for &b in bases {
            if is_type(b) {
                out.push(b);
                continue;
            }
            match self.getattr_opt(b, k)? {
                Some(f) => {
                    let r = self.call(f, &[orig])?;
                    match self.tuple_items(r) {
                        Some(items) => out.extend(items),
                        None => {
                            return Err(self.type_error("__mro_entries__ must return a tuple"));
                        }
                    }
                }
                None => out.push(b),
            }
        }
        Ok(out)
    }

    /// The metaclass of a new class: the most derived of `meta` and the bases'
    /// metaclasses, or CPython's "metaclass conflict" TypeError.
    pub fn most_derived_metaclass(&mut self, meta: Value, bases: &[Value]) -> PyResult<Value> {
        let mut winner = meta;
        for &b in bases {
            let t = self.type_of(b);
            if self.is_subclass(winner, t) {
                continue;
            }
            if self.is_subclass(t, winner) {
                winner = t;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// What `type.__new__` does once the class exists: `__set_name__` of each
    /// attribute that has one, then the parent's `__init_subclass__(**kw)`.
    pub fn class_created(&mut self, cls: Value, kw: &[(Value, Value)]) -> PyResult<()> {
        let entries: Vec<(Value, Value)> = type_obj(cls)
            .dict
            .get()
            .iter()
            .map(|e| (e.key, e.value))
            .collect();
        let sn = self.name("__set_name__");
        for (k, v) in entries {
            if !v.is_obj() || is_type(v) {
                continue;
            }
            let vcls = self.type_of(v);
            if let Some(f) = crate::vm::types::lookup(self, vcls, sn) {
                let r = if matches!(f.as_obj().map(|o| &o.data), Some(ObjData::Builtin(_))) {
                    self.call(f, &[v, cls, k])
                } else {
                    let m = self.bind_descriptor(f, v, vcls)?;
                    self.call(m, &[cls, k])
                };
                if let Err(e) = r {
                    // CPython 3.11 wraps the error in a RuntimeError with this note
                    let msg = format!(
                        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                        self.type_name(v),
                        str_of(k),
                        type_obj(cls).name
                    );
                    let re = self.runtime_error(&msg);
                    if let Some(st) = self.exc_state(re.0) {
                        st.cause = e.0;
                    }
                    return Err(re);
                }
            }
        }
        let isc = self.name("__init_subclass__");
        if let Some(f) = self.super_getattr(cls, cls, isc)? {
            self.call_kw(f, &[], kw)?;
        }
        Ok(())
    }
}
