//! Object slots carved from fixed blocks, with a free list the sweep rebuilds.
//!
//! Why: every `Obj` has the same size, so a general-purpose allocator's size
//! classes, per-allocation headers and frees buy nothing. An allocation pops
//! a slot off the free list; the sweep walks the blocks (no list of every
//! object to push to and rebuild), drops dead payloads in place and lists
//! their slots again, so a loop that makes a tuple or an iterator per
//! iteration reuses the same few slots, neighbours in memory. A block left
//! empty goes back to the system once enough free slots are kept for the next
//! cycle.
//!
//! A free slot holds no `Obj`: only its `class` field is written, with
//! `Value::EMPTY`, which no object's class ever is.

use std::mem::{MaybeUninit, size_of};
use std::ptr::{self, addr_of, addr_of_mut};

use crate::object::{Obj, ObjData};
use crate::value::Value;

/// Slots per block (512 * 88 bytes: 44 KiB).
const SLOTS: usize = 512;

type Block = [MaybeUninit<Obj>; SLOTS];

pub struct Blocks {
    blocks: Vec<*mut Block>,
    /// Free slots, the next allocation last.
    free: Vec<*mut Obj>,
    live: usize,
    /// The most blocks held at once (`--gc-stats`).
    peak_blocks: usize,
}

/// Whether slot `p` holds no object.
///
/// # Safety
/// `p` is a slot of one of the heap's blocks.
unsafe fn is_free(p: *const Obj) -> bool {
    // SAFETY: `p` is in bounds of a live block (the caller's contract), and a
    // slot's `class` is always initialized: `grow` and `mark_free` write it
    // for a free slot, the object written there for a taken one. The read
    // goes through a raw place, so no reference to the rest of a possibly
    // uninitialized slot is made.
    unsafe { addr_of!((*p).class).read().get() == Value::EMPTY }
}

/// Lists slot `p` as holding no object by writing its `class` alone.
///
/// # Safety
/// `p` is a slot of one of the heap's blocks that holds no live object (never
/// written, or its object already dropped).
unsafe fn mark_free(p: *mut Obj) {
    // SAFETY: `p` is writable memory of a live block (the caller's contract);
    // writing through a raw place neither reads nor drops the old contents,
    // which may be uninitialized.
    unsafe { addr_of_mut!((*p).class).write(std::cell::Cell::new(Value::EMPTY)) }
}

impl Blocks {
    pub fn new() -> Blocks {
        Blocks {
            blocks: Vec::new(),
            free: Vec::new(),
            live: 0,
            peak_blocks: 0,
        }
    }

    pub fn live(&self) -> usize {
        self.live
    }

    /// The most bytes the blocks held at once.
    pub fn peak_bytes(&self) -> usize {
        self.peak_blocks * size_of::<Block>()
    }

    /// A slot for a new object, which the caller writes at once.
    #[inline]
    pub fn take_slot(&mut self) -> *mut Obj {
        let p = match self.free.pop() {
            Some(p) => p,
            None => self.grow(),
        };
        self.live += 1;
        p
    }

    #[cfg(test)]
    fn alloc(&mut self, obj: Obj) -> *mut Obj {
        let p = self.take_slot();
        // SAFETY: a free slot is memory for an `Obj` holding none.
        unsafe { p.write(obj) };
        p
    }

    /// Adds a block, lists its slots but the first as free and returns that one.
    #[cold]
    fn grow(&mut self) -> *mut Obj {
        let block = Box::into_raw(Box::<Block>::new_uninit()) as *mut Block;
        self.blocks.push(block);
        self.peak_blocks = self.peak_blocks.max(self.blocks.len());
        let first = block as *mut Obj;
        // lowest address last, so allocation goes up through the block
        for i in (1..SLOTS).rev() {
            // SAFETY: `i < SLOTS` keeps `p` inside the block just allocated,
            // whose slots hold nothing yet.
            let p = unsafe {
                let p = first.add(i);
                mark_free(p);
                p
            };
            self.free.push(p);
        }
        first
    }

    /// Every object, for the collector's walks (`f` must not allocate).
    fn for_each_slot(&self, mut f: impl FnMut(*mut Obj)) {
        for &b in &self.blocks {
            let first = b as *mut Obj;
            for i in 0..SLOTS {
                // SAFETY: `i < SLOTS` keeps the slot inside block `b`, which
                // `self.blocks` owns until a sweep or the drop frees it.
                f(unsafe { first.add(i) });
            }
        }
    }

    /// Frees every unmarked object, clears the marks and lists the free slots
    /// again. Empty blocks beyond `reserve` free slots go back to the system.
    pub fn sweep(&mut self, reserve: usize) {
        self.free.clear();
        let mut kept = Vec::with_capacity(self.blocks.len());
        let mut live = 0;
        // last block first, lowest slot last: allocation goes up through memory
        for &b in self.blocks.iter().rev() {
            let first = b as *mut Obj;
            let free_before = self.free.len();
            let mut block_live = 0;
            for i in (0..SLOTS).rev() {
                // SAFETY: `i < SLOTS` keeps `p` inside block `b`, which this
                // heap owns.
                let p = unsafe { first.add(i) };
                // SAFETY: `p` is a slot of a live block.
                if unsafe { is_free(p) } {
                    self.free.push(p);
                    continue;
                }
                // SAFETY: a slot that is not free holds a whole object
                // (`Heap::alloc` writes every field before anything can read
                // it); the sweep runs no Python code, so nothing mutates it
                // through a `&mut` while this reference lives.
                let o = unsafe { &*p };
                if o.marked.get() {
                    o.marked.set(false);
                    block_live += 1;
                } else {
                    // SAFETY: the mark phase marked everything reachable from
                    // the roots, so no live object or root refers to this one
                    // and nothing reads it again; `o` is not used past here,
                    // and `mark_free` makes later sweeps and the drop skip the
                    // slot, so it is dropped once.
                    unsafe {
                        ptr::drop_in_place(p);
                        mark_free(p);
                    }
                    self.free.push(p);
                }
            }
            live += block_live;
            if block_live == 0 && free_before >= reserve {
                // nothing lives here and enough slots are free elsewhere
                self.free.truncate(free_before);
                // SAFETY: `b` came from `Box::into_raw` of a
                // `Box<MaybeUninit<Block>>` in `grow`, and the cast back is to
                // that type; no slot holds an object (`block_live == 0`, the
                // dead were dropped above), its free slots were just taken
                // off the free list, and `self.blocks` is replaced by `kept`,
                // which leaves `b` out, so it is freed once.
                drop(unsafe { Box::from_raw(b as *mut MaybeUninit<Block>) });
            } else {
                kept.push(b);
            }
        }
        kept.reverse();
        self.blocks = kept;
        self.live = live;
    }

    /// Drops the native payloads (whose drop can have effects outside the
    /// process: a file flushes) and leaks the rest: the process is ending.
    pub fn release_at_exit(mut self) {
        self.for_each_slot(|p| {
            // SAFETY: `p` is a slot of a live block; a slot that is not free
            // holds a whole object, whose `data` may be borrowed.
            if unsafe { !is_free(p) } && matches!(unsafe { &(*p).data }, ObjData::Native(_)) {
                // SAFETY: the process is ending and `self` is consumed: no
                // code reads objects again (the rest are leaked, never
                // dropped, so no drop of theirs can reach this one), and
                // `mark_free` keeps the slot from being dropped twice.
                unsafe {
                    ptr::drop_in_place(p);
                    mark_free(p);
                }
            }
        });
        self.blocks.clear();
        std::mem::forget(self);
    }
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks::new()
    }
}

impl Drop for Blocks {
    fn drop(&mut self) {
        self.for_each_slot(|p| {
            // SAFETY: the heap is going away with every object in it, so
            // none is read after this (object payloads' drops free their own
            // memory but do not follow `Value`s into other objects); a slot
            // that is not free holds a whole object, dropped once here.
            unsafe {
                if !is_free(p) {
                    ptr::drop_in_place(p);
                }
            }
        });
        for &b in &self.blocks {
            // SAFETY: each block came from `Box::into_raw` of a
            // `Box<MaybeUninit<Block>>` in `grow`, is listed once, and holds
            // no object now; `MaybeUninit` slots have no drop of their own.
            drop(unsafe { Box::from_raw(b as *mut MaybeUninit<Block>) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Mut;
    use std::cell::Cell;

    fn obj(i: i64) -> Obj {
        Obj {
            marked: Cell::new(false),
            class: Cell::new(Value::NONE),
            data: ObjData::List(Mut::new(vec![Value::small_int(i)])),
        }
    }

    #[test]
    fn sweeps_free_the_unmarked_and_hand_back_empty_blocks_past_the_reserve() {
        let mut b = Blocks::new();
        let ps: Vec<*mut Obj> = (0..3 * SLOTS as i64).map(|i| b.alloc(obj(i))).collect();
        assert_eq!(b.blocks.len(), 3);
        // keep every 100th of the first block's objects
        for &p in ps[..SLOTS].iter().step_by(100) {
            // SAFETY: `p` was allocated by `b` and nothing has been swept yet.
            unsafe { (*p).marked.set(true) };
        }
        b.sweep(SLOTS);
        assert_eq!(b.live(), SLOTS.div_ceil(100));
        // the last block stays (the reserve), the middle one goes, the first lives
        assert_eq!(b.blocks.len(), 2);
        assert_eq!(b.free.len(), 2 * SLOTS - b.live());
        for &p in ps[..SLOTS].iter().step_by(100) {
            // SAFETY: `p` was marked, so the sweep kept it in the first block,
            // which stays allocated (it has live objects).
            let o = unsafe { &*p };
            let ObjData::List(l) = &o.data else { panic!() };
            assert!(l.get()[0].as_small_int() % 100 == 0);
            assert!(!o.marked.get());
        }
        // allocation reuses the first block's holes, lowest address first
        let q = b.alloc(obj(-1));
        // SAFETY: `ps[0]` is the first slot of a live block, and slot 1 is
        // in the same block (`SLOTS` > 1).
        assert_eq!(q, unsafe { ps[0].add(1) });
        b.sweep(0);
        assert_eq!(b.live(), 0);
        assert!(b.blocks.is_empty());
    }
}
