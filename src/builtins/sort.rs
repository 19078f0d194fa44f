//! `list.sort` / `sorted`: a stable merge sort that only ever asks `<`, like CPython,
//! so user `__lt__` methods see the comparisons they expect and errors propagate.

use crate::compiler::bytecode::CmpOp;
use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Sorts the list in place by `key` (None: the items), optionally reversed.
pub fn sort_list(
    vm: &mut Vm,
    list: Value,
    key: Option<Value>,
    reverse: Option<Value>,
) -> PyResult<()> {
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let ObjData::List(l) = &list.obj().data else {
        return Ok(());
    };
    let mut items = std::mem::take(l.get());
    let keys = match key {
        Some(k) => {
            let base = vm.temp_roots.len();
            vm.temp_roots.extend_from_slice(&items);
            let mut keys = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call(k, &[*it]) {
                    Ok(kv) => {
                        vm.temp_roots.push(kv);
                        keys.push(kv);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(base);
                        *l.get() = items;
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(base);
            keys
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    vm.temp_roots.extend_from_slice(&keys);
    let r = merge_sort(vm, &mut idx, &keys);
    vm.temp_roots.truncate(base);
    if let Err(e) = r {
        *l.get() = items;
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|i| items[*i]).collect();
    items.clear();
    let l2 = l.get();
    if !l2.is_empty() {
        return Err(vm.value_error("list modified during sort"));
    }
    *l2 = sorted;
    Ok(())
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Ok(a.as_small_int() < b.as_small_int());
    }
    if a.is_float() && b.is_float() {
        return Ok(a.as_float() < b.as_float());
    }
    let r = vm.compare(CmpOp::Lt, a, b)?;
    vm.truthy(r)
}

fn merge_sort(vm: &mut Vm, idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n <= 16 {
        // binary insertion sort, stable
        for i in 1..n {
            let cur = idx[i];
            let (mut lo, mut hi) = (0, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(vm, keys[cur], keys[idx[mid]])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            idx.copy_within(lo..i, lo + 1);
            idx[lo] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(vm, &mut idx[..mid], keys)?;
    merge_sort(vm, &mut idx[mid..], keys)?;
    // Already ordered halves need no merge.
    if !less(vm, keys[idx[mid]], keys[idx[mid - 1]])? {
        return Ok(());
    }
    let left: Vec<usize> = idx[..mid].to_vec();
    let right: Vec<usize> = idx[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if less(vm, keys[right[j]], keys[left[i]])? {
            idx[k] = right[j];
            j += 1;
        } else {
            idx[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        idx[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        idx[k] = right[j];
        j += 1;
        k += 1;
    }
    Ok(())
}
