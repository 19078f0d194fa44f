//! A tuple's items: up to `INLINE` of them inside the object's own slot, more
//! in one block of their own.
//!
//! Why: most tuples a program makes are pairs and triples (`return a, b`,
//! dict items, binary_trees' nodes), and each was two allocations, the slot
//! and a 16- or 24-byte item block, freed one by one at every sweep. Six items
//! fit in the slot beside the length and pointer, as large as the largest other
//! kind's payload, so no object grows.
//!
//! `items` always points at the items once the object is in the heap (the
//! heap settles it when it writes the object into its slot), so compiled traces
//! read every tuple the same way: length and item pointer at fixed offsets
//! (src/jit/layout.rs). Rust code does not rely on it: before an object is
//! placed (and it is never moved after), `items` of an inline tuple is null,
//! and the slice is taken from `inline`.

use std::mem::MaybeUninit;
use std::ops::Deref;
use std::ptr;

use crate::value::Value;

/// The most items kept inside the object.
pub const INLINE: usize = 6;

#[repr(C)]
pub struct TupleItems {
    len: usize,
    /// The first item: `inline` once settled (short tuples), an owned block of
    /// `len` values (long ones).
    items: *const Value,
    /// The first `len` are items when `len <= INLINE`; the rest is never read.
    inline: [MaybeUninit<Value>; INLINE],
}

impl TupleItems {
    pub fn new(items: Vec<Value>) -> TupleItems {
        if items.len() <= INLINE {
            return TupleItems::from_slice(&items);
        }
        let len = items.len();
        let block = Box::into_raw(items.into_boxed_slice());
        TupleItems {
            len,
            items: block as *const Value,
            inline: [MaybeUninit::uninit(); INLINE],
        }
    }

    #[inline]
    pub fn from_slice(items: &[Value]) -> TupleItems {
        let len = items.len();
        if len > INLINE {
            return TupleItems::new(items.to_vec());
        }
        let mut inline = [MaybeUninit::uninit(); INLINE];
        // SAFETY: `len <= INLINE`: the copy stays inside `inline`, whose
        // elements are plain words (`MaybeUninit<Value>` has `Value`'s layout).
        unsafe { ptr::copy_nonoverlapping(items.as_ptr(), inline.as_mut_ptr() as *mut Value, len) };
        TupleItems {
            len,
            items: ptr::null(),
            inline,
        }
    }

    /// Points `items` at the inline items, now that this payload sits where it
    /// stays (the heap calls it right after writing the object in its slot).
    #[inline(always)]
    pub fn settle(&mut self) {
        if self.len <= INLINE {
            self.items = self.inline.as_ptr() as *const Value;
        }
    }

    /// The byte offsets of the length and the item pointer in the payload.
    pub const LEN_OFFSET: usize = std::mem::offset_of!(TupleItems, len);
    pub const ITEMS_OFFSET: usize = std::mem::offset_of!(TupleItems, items);
}

impl Deref for TupleItems {
    type Target = [Value];

    #[inline(always)]
    fn deref(&self) -> &[Value] {
        if self.len <= INLINE {
            // SAFETY: the first `len` inline elements were written by
            // `from_slice`, the only maker of a short tuple.
            unsafe { std::slice::from_raw_parts(self.inline.as_ptr() as *const Value, self.len) }
        } else {
            // SAFETY: a long tuple's `items` is the block `new` made of
            // exactly `len` values, owned by this payload until its drop.
            unsafe { std::slice::from_raw_parts(self.items, self.len) }
        }
    }
}

impl Drop for TupleItems {
    fn drop(&mut self) {
        if self.len > INLINE {
            // SAFETY: `items` came from `Box::into_raw` of a boxed slice of
            // `len` values in `new`, and only this drop frees it.
            drop(unsafe {
                Box::from_raw(ptr::slice_from_raw_parts_mut(
                    self.items as *mut Value,
                    self.len,
                ))
            });
        }
    }
}

impl From<Vec<Value>> for TupleItems {
    fn from(items: Vec<Value>) -> TupleItems {
        TupleItems::new(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_tuples_read_back_their_items() {
        for n in [0, 1, 2, INLINE, INLINE + 1, 40] {
            let v: Vec<Value> = (0..n as i64).map(Value::small_int).collect();
            let mut t = TupleItems::new(v.clone());
            assert_eq!(&t[..], &v[..]);
            t.settle();
            assert_eq!(&t[..], &v[..]);
            // SAFETY: settled: `items` points at `len` values.
            let through_pointer = unsafe { std::slice::from_raw_parts(t.items, t.len) };
            assert_eq!(through_pointer, &v[..]);
            assert_eq!(&TupleItems::from_slice(&v)[..], &v[..]);
        }
    }

    #[test]
    fn the_payload_fits_beside_the_other_kinds() {
        assert_eq!(std::mem::size_of::<TupleItems>(), 64);
    }
}
