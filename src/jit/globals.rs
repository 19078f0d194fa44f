//! Globals of a loop that also stores globals: loaded and stored at their
//! entry's position in the module's dict, under a guard that its keys are
//! unchanged.
//!
//! Why: a trace normally guards the globals dict's version and uses each
//! global as a constant. A loop that stores a global (pystone's `IntGlob`,
//! a module-level counter) changes that version every iteration, so its traces
//! look globals up instead (`Jit::volatile_globals`), and a lookup through a
//! helper (a call, a hash probe, for a builtin a second probe in the builtins)
//! cost pystone more than a quarter of its time. A dict's `keys_version`
//! changes only when a key comes or goes, so while it stands every global
//! keeps its entry's position: a load is a guard and two loads, a store a
//! guard and a helper that writes the value at that position (it must also
//! give the dict a new `version`, which other traces guard). A builtin is
//! loaded the same way from the builtins, after a guard that the module's
//! keys, which lack its name, are unchanged.

use guards::{Op as IrOp, Ref, Ty};

use super::Recorder;
use crate::jit::helpers;
use crate::jit::layout::DictLayout;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::Vm;

/// The position of the entry whose key is `name` itself in `dict` (a
/// namespace's keys are interned names), and its keys version.
fn position(vm: &Vm, dict: Value, name: Value) -> Option<(usize, u64)> {
    let ObjData::Dict(d) = &dict.as_obj()?.data else {
        return None;
    };
    let d = d.get();
    let i = d.find_identical(name, vm.str_hash(name))?;
    Some((i, d.keys_version))
}

fn keys_version(dict: Value) -> Option<u64> {
    match &dict.as_obj()?.data {
        ObjData::Dict(d) => Some(d.get().keys_version),
        _ => None,
    }
}

impl Recorder {
    /// The constant address of `dict`, after guarding its keys version.
    fn dict_with_keys(&mut self, dict: Value, version: u64, lay: &DictLayout, pc: usize) -> Ref {
        self.guard_word(dict, lay.keys_version, version, pc)
    }

    fn note(&mut self, what: &str, i: usize) {
        use std::fmt::Write as _;
        let _ = writeln!(self.bytecode_log, "       ({what} by position: entry {i})");
    }

    fn value_at(&mut self, p: Ref, i: usize, lay: &DictLayout) -> Ref {
        let ents = self
            .trace
            .emit(IrOp::Load, Ty::Ptr, p, Ref::NONE, lay.entries, None);
        let at = i as i64 * lay.entry_size + lay.entry_value;
        self.trace
            .emit(IrOp::Load, Ty::Val, ents, Ref::NONE, at, None)
    }
}

impl Vm {
    /// `LoadGlobal` of `name` by position (see the module doc); None when the
    /// name is not where this can find it (the caller looks it up by helper).
    pub(super) fn record_global_load(
        &self,
        rec: &mut Recorder,
        globals: Value,
        name: Value,
        pc: usize,
    ) -> Option<Ref> {
        let lay = self.jit.layouts.dict.filter(|_| rec.globals_by_position)?;
        if let Some((i, version)) = position(self, globals, name) {
            let p = rec.dict_with_keys(globals, version, &lay, pc);
            rec.note("global", i);
            return Some(rec.value_at(p, i, &lay));
        }
        let absent = keys_version(globals)?;
        let (j, version) = position(self, self.builtins, name)?;
        rec.dict_with_keys(globals, absent, &lay, pc);
        let p = rec.dict_with_keys(self.builtins, version, &lay, pc);
        rec.note("builtin", j);
        Some(rec.value_at(p, j, &lay))
    }

    /// `StoreGlobal` of the stack's top to `name`, an existing global, by
    /// position; false when it is not found so (the caller uses the helper).
    pub(super) fn record_global_store(
        &self,
        rec: &mut Recorder,
        globals: Value,
        name: Value,
        pc: usize,
    ) -> bool {
        let lay = self.jit.layouts.dict.filter(|_| rec.globals_by_position);
        let (Some(lay), Some((i, version))) = (lay, position(self, globals, name)) else {
            return false;
        };
        let Some(&rv) = rec.stack.last() else {
            return false;
        };
        rec.dict_with_keys(globals, version, &lay, pc);
        let bv = rec.boxed(rv);
        rec.guard(IrOp::CallG, Ty::Val, bv, Ref::NONE, helpers::STASH, pc);
        let g = rec.k_val(globals);
        let at = rec.k_val(Value::small_int(i as i64));
        rec.guard(IrOp::CallG, Ty::Val, g, at, helpers::STORE_GLOBAL_AT, pc);
        rec.note("global store", i);
        true
    }
}
