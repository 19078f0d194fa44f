//! The hash table behind `set` and `frozenset`, laid out and probed exactly like
//! CPython 3.11's setobject.c (linear probes of 9, then perturbation; the same resize
//! rule), so iteration order of ints and tuples matches CPython's.

use super::Mut;
use crate::value::Value;
use crate::vm::PyResult;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// A deleted slot. Never a real value: EMPTY's tag with payload 1.
const DUMMY: Value = Value(Value::EMPTY.0 | 1);

#[derive(Clone, Copy)]
pub struct SetEntry {
    pub hash: i64,
    /// EMPTY: never used; DUMMY: deleted.
    pub key: Value,
}

#[derive(Clone)]
pub struct Set {
    pub table: Vec<SetEntry>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

pub type EqFn<'a> = &'a mut dyn FnMut(Value, Value) -> PyResult<bool>;

impl Set {
    pub fn new() -> Set {
        Set {
            table: vec![
                SetEntry {
                    hash: 0,
                    key: Value::EMPTY
                };
                MINSIZE
            ],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The bytes of its table (`sys.getsizeof`).
    pub fn heap_bytes(&self) -> usize {
        self.table.capacity() * std::mem::size_of::<SetEntry>()
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn contains(&self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: `self` is a live set; find_raw tolerates `eq` mutating it.
        Ok(unsafe { Set::find_raw(self, key, hash, eq) }?.is_some())
    }

    /// Whether the table changed while a comparison ran Python code (which may add
    /// to, remove from or clear this very set): the lookup must start again, as
    /// CPython's set_lookkey/set_add_entry restart.
    ///
    /// # Safety
    /// `this` points to a live Set.
    unsafe fn changed(
        this: *const Set,
        ptr: *const SetEntry,
        len: usize,
        j: usize,
        key: Value,
    ) -> bool {
        // SAFETY: the caller's pointer is live; the table is re-read after the call.
        let t = unsafe { &(*this).table };
        t.as_ptr() != ptr || t.len() != len || t[j].key != key
    }

    /// The slot of `key`, reading the table afresh after every comparison.
    ///
    /// # Safety
    /// `this` points to a live Set, and no reference to it is held across the call
    /// (`eq` may mutate it).
    #[inline(never)]
    unsafe fn find_raw(
        this: *const Set,
        key: Value,
        hash: i64,
        eq: EqFn,
    ) -> PyResult<Option<usize>> {
        'restart: loop {
            // SAFETY: `this` is live (the caller's contract); no reference outlives eq.
            let (ptr, len) = unsafe { ((*this).table.as_ptr(), (*this).table.len()) };
            let mask = len - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                loop {
                    // SAFETY: as above; j <= mask < len.
                    let e = unsafe { (&(*this).table)[j] };
                    if e.key.is_empty() {
                        return Ok(None);
                    }
                    if e.hash == hash && e.key != DUMMY {
                        if e.key == key {
                            return Ok(Some(j));
                        }
                        let same = eq(e.key, key)?;
                        // SAFETY: as above.
                        if unsafe { Set::changed(this, ptr, len, j, e.key) } {
                            continue 'restart;
                        }
                        if same {
                            return Ok(Some(j));
                        }
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Adds `key`; returns false when an equal key was already present.
    pub fn add(&mut self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: `self` is a live set; add_raw tolerates `eq` mutating it.
        unsafe { Set::add_raw(self, key, hash, eq) }
    }

    /// # Safety
    /// As find_raw.
    #[inline(never)]
    unsafe fn add_raw(this: *mut Set, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        let (slot, freeslot) = 'restart: loop {
            // SAFETY: `this` is live (the caller's contract); no reference outlives eq.
            let (ptr, len) = unsafe { ((*this).table.as_ptr(), (*this).table.len()) };
            let mask = len - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                loop {
                    // SAFETY: as above; j <= mask < len.
                    let e = unsafe { (&(*this).table)[j] };
                    if e.key.is_empty() {
                        break 'restart (j, freeslot);
                    }
                    if e.hash == hash && e.key != DUMMY {
                        if e.key == key {
                            return Ok(false);
                        }
                        let same = eq(e.key, key)?;
                        // SAFETY: as above.
                        if unsafe { Set::changed(this, ptr, len, j, e.key) } {
                            continue 'restart;
                        }
                        if same {
                            return Ok(false);
                        }
                    } else if e.key == DUMMY && freeslot.is_none() {
                        freeslot = Some(j);
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        };
        // SAFETY: no Python code runs from here on: a plain mutable borrow.
        let this = unsafe { &mut *this };
        let mask = this.mask();
        if let Some(f) = freeslot {
            this.used += 1;
            this.table[f] = SetEntry { hash, key };
            return Ok(true);
        }
        this.fill += 1;
        this.used += 1;
        this.table[slot] = SetEntry { hash, key };
        if this.fill * 5 >= mask * 3 {
            let minused = if this.used > 50000 {
                this.used * 2
            } else {
                this.used * 4
            };
            this.resize(minused);
        }
        Ok(true)
    }

    fn insert_clean(table: &mut [SetEntry], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_empty() {
                table[i] = SetEntry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for slot in &mut table[i + 1..=i + LINEAR_PROBES] {
                    if slot.key.is_empty() {
                        *slot = SetEntry { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut table = vec![
            SetEntry {
                hash: 0,
                key: Value::EMPTY
            };
            newsize
        ];
        for e in &self.table {
            if !e.key.is_empty() && e.key != DUMMY {
                Set::insert_clean(&mut table, e.key, e.hash);
            }
        }
        self.table = table;
        self.fill = self.used;
    }

    /// CPython's `set_merge`: adds every element of `other` (whose elements are known
    /// distinct). Into an empty set it copies the table or re-inserts in table order,
    /// which is what gives `{1, 2, 3}` literals and `set(s)` their iteration order.
    pub fn merge_from(&mut self, other: &Set, eq: EqFn) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            for e in &other.table {
                if !e.key.is_empty() && e.key != DUMMY {
                    Set::insert_clean(&mut self.table, e.key, e.hash);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        for e in other.table.clone() {
            if !e.key.is_empty() && e.key != DUMMY {
                self.add(e.key, e.hash, eq)?;
            }
        }
        Ok(())
    }

    pub fn discard(&mut self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: `self` is a live set.
        unsafe { Set::discard_raw(self, key, hash, eq) }
    }

    /// `contains` for a set that `eq` may mutate (the Python-facing lookups).
    ///
    /// # Safety
    /// As find_raw.
    unsafe fn contains_raw(this: *const Set, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: the caller's contract.
        Ok(unsafe { Set::find_raw(this, key, hash, eq) }?.is_some())
    }

    /// `discard` for a set that `eq` may mutate: the slot find_raw returns is valid
    /// in the table as it is after the last comparison.
    ///
    /// # Safety
    /// As find_raw.
    #[inline(never)]
    unsafe fn discard_raw(this: *mut Set, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: the caller's contract.
        match unsafe { Set::find_raw(this, key, hash, eq) }? {
            Some(j) => {
                // SAFETY: no Python code runs from here on.
                let this = unsafe { &mut *this };
                this.table[j] = SetEntry {
                    hash: -1,
                    key: DUMMY,
                };
                this.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes an arbitrary element, scanning from a finger like CPython's `set.pop`.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_empty() || self.table[i].key == DUMMY {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = self.table[i].key;
        self.table[i] = SetEntry {
            hash: -1,
            key: DUMMY,
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = Set::new();
    }

    /// CPython's one big resize before adding `n` keys (set_update_internal, set_merge).
    pub fn presize(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// `set_merge`: adds every key of `other`, copying the table layout the way
    /// CPython does (so `set(s)` iterates like CPython's copy).
    pub fn merge(&mut self, other: &Set, eq: EqFn) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        self.presize(other.used);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.copy_from_slice(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for e in other.iter() {
                Set::insert_clean(&mut self.table, e.key, e.hash);
            }
            return Ok(());
        }
        for e in other.iter() {
            self.add(e.key, e.hash, eq)?;
        }
        Ok(())
    }

    /// Resizes dummies away when more than a quarter of the table is dummies, as
    /// `set_difference_update_internal` does.
    pub fn compact(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    /// Live entries in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> + '_ {
        self.table
            .iter()
            .filter(|e| !e.key.is_empty() && e.key != DUMMY)
    }

    /// The live entry at or after table position `pos`.
    pub fn entry_from(&self, mut pos: usize) -> Option<(usize, SetEntry)> {
        while pos < self.table.len() {
            let e = self.table[pos];
            if !e.key.is_empty() && e.key != DUMMY {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for e in self.iter() {
            visit(e.key);
        }
    }
}

/// The lookups whose comparisons run Python code, on a set in its object: the
/// comparison may add to, remove from or clear this very set, so no reference
/// into it is held across one (the `*_raw` probes re-read the table after each).
impl Mut<Set> {
    pub fn contains_key(&self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: `self` keeps the set alive for the call and contains_raw holds
        // no reference into it across `eq`.
        unsafe { Set::contains_raw(self.as_ptr(), key, hash, eq) }
    }

    /// Adds `key`; false when an equal key was already present.
    pub fn add_key(&self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: as contains_key.
        unsafe { Set::add_raw(self.as_ptr(), key, hash, eq) }
    }

    /// Removes `key`; false when it was absent.
    pub fn discard_key(&self, key: Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        // SAFETY: as contains_key.
        unsafe { Set::discard_raw(self.as_ptr(), key, hash, eq) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(xs: &[i64]) -> Vec<i64> {
        let mut s = Set::new();
        for &x in xs {
            s.add(Value::small_int(x), x, &mut |a, b| Ok(a == b))
                .unwrap();
        }
        s.iter().map(|e| e.key.as_small_int()).collect()
    }

    #[test]
    fn int_iteration_order_matches_cpython() {
        // Orders printed by CPython 3.11 for the same insertions.
        assert_eq!(order(&[5, 1, 33, 9]), vec![1, 5, 9, 33]);
        assert_eq!(order(&[100, 3, 8, 1000, 17]), vec![3, 100, 8, 1000, 17]);
        assert_eq!(
            order(&(0..20).rev().collect::<Vec<_>>()),
            (0..20).collect::<Vec<_>>()
        );
    }

    #[test]
    fn merging_into_an_empty_set_reorders_like_cpython() {
        // `{100, 3, 8, 1000, 17}` is a frozenset constant merged into a new set.
        let mut f = Set::new();
        for x in [100i64, 3, 8, 1000, 17] {
            f.add(Value::small_int(x), x, &mut |a, b| Ok(a == b))
                .unwrap();
        }
        let mut s = Set::new();
        s.merge_from(&f, &mut |a, b| Ok(a == b)).unwrap();
        let got: Vec<i64> = s.iter().map(|e| e.key.as_small_int()).collect();
        assert_eq!(got, vec![17, 3, 100, 8, 1000]);
    }
}
