//! `_imp`, the import machinery's helpers that `test.support` and `importlib`
//! users touch: Coil has no frozen modules, no extension modules and one thread,
//! so the lock calls do nothing and the frozen/extension queries answer no.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_imp", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_imp");
    crate::modules::itertools::run_source(vm, m, SRC, "<_imp>")?;
    Ok(m)
}

const SRC: &str = r#"
import sys as _sys

check_hash_based_pycs = "default"


def acquire_lock():
    pass


def release_lock():
    pass


def lock_held():
    return False


def is_builtin(name):
    return 1 if name in _sys.builtin_module_names else 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    return False


def extension_suffixes():
    return []


def _override_frozen_modules_for_tests(override):
    pass


def _override_multi_interp_extensions_check(override):
    return -1


def _fix_co_filename(code, path):
    pass
"#;
