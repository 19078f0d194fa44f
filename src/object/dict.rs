//! The insertion-ordered hash table behind `dict`, class namespaces and module globals.
//!
//! Entries live in a dense vector in insertion order (deleted ones become holes until
//! the next resize compacts them); a separate open-addressing index maps hashes to
//! entry positions, probing like CPython (perturbed, `i = 5*i + 1 + perturb`).
//! Key equality beyond identity is the caller's: it passes `eq`, which may run Python
//! `__eq__` methods.
//!
//! Every mutation stamps the dict with a fresh `version` from one global counter, so
//! an unchanged version means unchanged contents: compiled traces guard a globals
//! dict's version and then use the global's value as a constant.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::value::Value;

static VERSIONS: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    VERSIONS.fetch_add(1, Ordering::Relaxed)
}
use crate::vm::PyResult;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// EMPTY marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

/// The index slot after `i` in a key's probe sequence (CPython's
/// `i = 5*i + 1 + perturb`, `perturb` shifted down 5 bits each step).
#[inline(always)]
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

const FREE: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// (boxed, not a `Vec`: it is only ever replaced whole, and the spare word
    /// keeps a dict within an object's block)
    indices: Box<[u32]>,
    used: usize,
    /// Changes with every insertion, removal and value store (see the module doc).
    pub(crate) version: u64,
    /// Changes with every insertion and removal, not with value stores: while
    /// it stands, every key keeps its entry's position (compiled traces load a
    /// global that the loop also stores at its position: src/jit/globals.rs).
    pub(crate) keys_version: u64,
}

/// How far a lookup gets without comparing keys (Dict::probe_without_eq).
enum Probe {
    Found(usize),
    Absent,
    NeedsEq,
}

pub type EqFn<'a> = &'a mut dyn FnMut(Value, Value) -> PyResult<bool>;

/// A key comparison (it may run Python `__eq__` methods). The lookups are
/// generic over it, so a caller's closure is inlined into the out-of-line
/// probe rather than called through a vtable on every comparison.
pub trait EqFnMut: FnMut(Value, Value) -> PyResult<bool> {}
impl<F: FnMut(Value, Value) -> PyResult<bool> + ?Sized> EqFnMut for F {}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The bytes of its entries (at their capacity) and index (`sys.getsizeof`).
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + std::mem::size_of_val(&*self.indices)
    }

    /// Where an inline probe ends without comparing keys: most lookups meet an
    /// identical key or a free slot first. At the first entry that needs `eq`
    /// (which runs Python code that may mutate this dict) it gives up, and the
    /// caller starts again out of line through a raw pointer (`*_raw`), so no
    /// reference into the dict is live across a comparison.
    #[inline]
    fn probe_without_eq(&self, key: Value, hash: i64) -> Probe {
        if self.indices.is_empty() {
            return Probe::Absent;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == FREE {
                return Probe::Absent;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key == key {
                    return Probe::Found(ix as usize);
                }
                if e.hash == hash {
                    return Probe::NeedsEq;
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// Finds the entry for `key`. `eq` is called only for entries whose hash matches and
    /// whose key is not identical; if it mutates this dict the probe restarts. A
    /// reference to the dict taken before the call must not be used after it.
    #[inline]
    pub fn find<F: EqFnMut + ?Sized>(
        &self,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<usize>> {
        match self.probe_without_eq(key, hash) {
            Probe::Found(pos) => Ok(Some(pos)),
            Probe::Absent => Ok(None),
            // SAFETY: `self` is a live dict and is not used after the call.
            Probe::NeedsEq => unsafe { Dict::find_raw(self, key, hash, eq) },
        }
    }

    /// `find` for a comparison that runs no Python code and so cannot change
    /// this dict (the JIT's helpers for keys whose equality is identity or
    /// text): probed inline, with no restart to prepare for.
    pub fn find_pure<F: EqFnMut + ?Sized>(
        &self,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<usize>> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == FREE {
                return Ok(None);
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key == key || (e.hash == hash && eq(e.key, key)?) {
                    return Ok(Some(ix as usize));
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The position of `key`, reading the table afresh after every comparison: a
    /// comparison runs Python code, which may insert into, delete from, clear or
    /// resize this very dict. Like CPython's lookdict, the probe restarts when the
    /// index was replaced or the compared entry no longer holds the key compared;
    /// other changes (a value stored, a key added without a resize) leave the
    /// probe sequence valid, so an `__eq__` that stores into the dict cannot make
    /// the lookup loop forever.
    ///
    /// # Safety
    /// `this` points to a live Dict, and no reference into it is used across the
    /// call (`eq` may mutate it).
    #[inline(never)]
    unsafe fn find_raw<F: EqFnMut + ?Sized>(
        this: *const Dict,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<usize>> {
        'restart: loop {
            // SAFETY: `this` is live (the caller's contract); every read below goes
            // through it afresh and no reference outlives a call of `eq`.
            let (index_ptr, index_len) = unsafe {
                let indices = &(*this).indices;
                (indices.as_ptr(), indices.len())
            };
            if index_len == 0 {
                return Ok(None);
            }
            let mask = index_len - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                // SAFETY: as above; the index was not replaced since its length was read.
                let ix = unsafe { (&(*this).indices)[i] };
                if ix == FREE {
                    return Ok(None);
                }
                if ix != DUMMY {
                    // SAFETY: as above.
                    let e = unsafe { (&(*this).entries)[ix as usize] };
                    if e.key == key {
                        return Ok(Some(ix as usize));
                    }
                    if e.hash == hash {
                        let same = eq(e.key, key)?;
                        // SAFETY: as above; the comparison has returned.
                        let (indices, entries) = unsafe { (&(*this).indices, &(*this).entries) };
                        let moved = indices.as_ptr() != index_ptr
                            || indices.len() != index_len
                            || entries.get(ix as usize).is_none_or(|now| now.key != e.key);
                        if moved {
                            continue 'restart;
                        }
                        if same {
                            return Ok(Some(ix as usize));
                        }
                    }
                }
                i = next_probe(i, &mut perturb, mask);
            }
        }
    }

    /// Lookup for keys whose equality is identity (interned strings).
    #[inline]
    pub fn find_identical(&self, key: Value, hash: i64) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == FREE {
                return None;
            }
            if ix != DUMMY && self.entries[ix as usize].key == key {
                return Some(ix as usize);
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The raw entries, holes (EMPTY keys) included, by position.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Stores the value of the live entry at `pos`.
    pub fn set_value(&mut self, pos: usize, value: Value) {
        self.entries[pos].value = value;
        self.version = next_version();
    }

    #[inline]
    pub fn get<F: EqFnMut + ?Sized>(
        &self,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<Value>> {
        match self.probe_without_eq(key, hash) {
            Probe::Found(pos) => Ok(Some(self.entries[pos].value)),
            Probe::Absent => Ok(None),
            // SAFETY: `self` is a live dict and is not used after the call.
            Probe::NeedsEq => unsafe { Dict::get_raw(self, key, hash, eq) },
        }
    }

    /// # Safety
    /// As find_raw.
    #[inline(never)]
    unsafe fn get_raw<F: EqFnMut + ?Sized>(
        this: *const Dict,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<Value>> {
        // SAFETY: the caller's contract.
        let pos = unsafe { Dict::find_raw(this, key, hash, eq) }?;
        // SAFETY: `this` is live and no comparison runs any more: the entry
        // vector read here is the one find_raw's position refers to.
        let entries = unsafe { &(*this).entries };
        Ok(pos.map(|pos| entries[pos].value))
    }

    #[inline]
    pub fn insert<F: EqFnMut + ?Sized>(
        &mut self,
        key: Value,
        hash: i64,
        value: Value,
        eq: &mut F,
    ) -> PyResult<()> {
        match self.probe_without_eq(key, hash) {
            Probe::Found(pos) => self.set_value(pos, value),
            Probe::Absent => self.insert_new(key, hash, value),
            // SAFETY: `self` is a live dict and is not used after the call.
            Probe::NeedsEq => unsafe {
                Dict::found_raw(self, key, hash, eq, |d, found| match found {
                    Some(pos) => d.set_value(pos, value),
                    None => d.insert_new(key, hash, value),
                })
            }?,
        }
        Ok(())
    }

    /// `then` on the dict and the position of `key` (None: absent), the
    /// position found out of line: insert's and remove's `NeedsEq` case.
    ///
    /// # Safety
    /// As find_raw.
    #[inline(never)]
    unsafe fn found_raw<F: EqFnMut + ?Sized, R>(
        this: *mut Dict,
        key: Value,
        hash: i64,
        eq: &mut F,
        then: impl FnOnce(&mut Dict, Option<usize>) -> R,
    ) -> PyResult<R> {
        // SAFETY: the caller's contract.
        let found = unsafe { Dict::find_raw(this, key, hash, eq) }?;
        // SAFETY: `this` is live, and the comparisons that could have changed it
        // are over: this is the only reference from here on.
        let dict = unsafe { &mut *this };
        Ok(then(dict, found))
    }

    /// Appends an entry known not to be present.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize();
        }
        let pos = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version = next_version();
        self.keys_version = self.version;
        self.place(hash, pos);
    }

    fn place(&mut self, hash: i64, pos: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != FREE && self.indices[i] != DUMMY {
            i = next_probe(i, &mut perturb, mask);
        }
        self.indices[i] = pos;
    }

    fn resize(&mut self) {
        self.entries.retain(|e| !e.key.is_empty());
        let mut size = 8;
        while size * 2 <= (self.used + 1) * 3 {
            size *= 2;
        }
        self.indices = vec![FREE; size * 2].into_boxed_slice();
        for pos in 0..self.entries.len() {
            let h = self.entries[pos].hash;
            self.place(h, pos as u32);
        }
    }

    #[inline]
    pub fn remove<F: EqFnMut + ?Sized>(
        &mut self,
        key: Value,
        hash: i64,
        eq: &mut F,
    ) -> PyResult<Option<Value>> {
        match self.probe_without_eq(key, hash) {
            Probe::Found(pos) => Ok(Some(self.remove_at(pos))),
            Probe::Absent => Ok(None),
            // SAFETY: `self` is a live dict and is not used after the call.
            Probe::NeedsEq => unsafe {
                Dict::found_raw(self, key, hash, eq, |d, found| {
                    found.map(|pos| d.remove_at(pos))
                })
            },
        }
    }

    pub fn remove_at(&mut self, pos: usize) -> Value {
        let mask = self.indices.len() - 1;
        let hash = self.entries[pos].hash;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != pos as u32 {
            i = next_probe(i, &mut perturb, mask);
        }
        self.indices[i] = DUMMY;
        self.version = next_version();
        self.keys_version = self.version;
        let e = &mut self.entries[pos];
        let old = e.value;
        e.key = Value::EMPTY;
        e.value = Value::EMPTY;
        self.used -= 1;
        if self.used == 0 {
            self.clear();
        }
        old
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices = Box::default();
        self.used = 0;
        self.version = next_version();
        self.keys_version = self.version;
    }

    /// The entry vector itself, for measuring where traces find it (src/jit/layout.rs).
    pub(crate) fn entry_vec(&self) -> &Vec<Entry> {
        &self.entries
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_empty())
    }

    /// The live entry at or after raw position `pos`, for iterators that must tolerate
    /// the dict being touched between steps.
    pub fn entry_from(&self, mut pos: usize) -> Option<(usize, Entry)> {
        while pos < self.entries.len() {
            let e = self.entries[pos];
            if !e.key.is_empty() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// The last live entry, for `popitem`.
    pub fn last_pos(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_empty())
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for e in self.iter() {
            visit(e.key);
            visit(e.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(a: Value, b: Value) -> PyResult<bool> {
        Ok(a == b)
    }

    #[test]
    fn keeps_insertion_order_through_deletes_and_resizes() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert(Value::small_int(i), i, Value::small_int(i * 2), &mut int_eq)
                .unwrap();
        }
        for i in (0..100).step_by(3) {
            assert!(
                d.remove(Value::small_int(i), i, &mut int_eq)
                    .unwrap()
                    .is_some()
            );
        }
        for i in 100..150 {
            d.insert(Value::small_int(i), i, Value::NONE, &mut int_eq)
                .unwrap();
        }
        let keys: Vec<i64> = d.iter().map(|e| e.key.as_small_int()).collect();
        let want: Vec<i64> = (0..100).filter(|i| i % 3 != 0).chain(100..150).collect();
        assert_eq!(keys, want);
        assert_eq!(d.len(), want.len());
        let got = d.get(Value::small_int(4), 4, &mut int_eq).unwrap();
        assert_eq!(got, Some(Value::small_int(8)));
        assert_eq!(d.get(Value::small_int(3), 3, &mut int_eq).unwrap(), None);
    }

    #[test]
    fn colliding_hashes_are_told_apart_by_eq() {
        let mut d = Dict::new();
        for i in 0..20 {
            d.insert(Value::small_int(i), 7, Value::small_int(i), &mut int_eq)
                .unwrap();
        }
        for i in 0..20 {
            let got = d.get(Value::small_int(i), 7, &mut int_eq).unwrap();
            assert_eq!(got, Some(Value::small_int(i)));
        }
    }
}
