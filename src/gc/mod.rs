//! Coil's heap: every Python object is allocated here and freed by a precise,
//! non-moving mark-and-sweep collector (cycles included). Objects live in the
//! slots of fixed blocks (`blocks`).
//!
//! Collection happens only at safepoints (loop headers and call entries in the
//! interpreter), never inside an allocation, so Rust code between safepoints may hold
//! `Value`s freely. Natives that call back into Python across a safepoint keep their
//! temporaries in `Vm::temp_roots`. `COIL_GC_STRESS=1` collects at every safepoint that
//! follows an allocation.

mod blocks;
mod stats;

use std::cell::Cell;
use std::ptr::addr_of_mut;

use crate::object::{Obj, ObjData};
use crate::value::Value;
use blocks::Blocks;
pub use stats::GcStats;

/// The allocation clock, at an address that never changes: compiled traces read
/// it to leave at their loop header when a collection is due (see `Heap::clock`).
#[repr(C)]
pub struct GcClock {
    /// Allocation units since the last collection.
    pub allocated: u64,
    /// A safepoint collects once `allocated` reaches this (1 under stress).
    pub threshold: u64,
}

pub struct Heap {
    blocks: Blocks,
    clock: Box<GcClock>,
    stress: bool,
    pub collections: usize,
    pub stats: GcStats,
    worklist: Vec<*const Obj>,
    /// `COIL_GC_FREE=1`: each object is its own allocation, handed back to the
    /// allocator as soon as it is swept (never reused, never quarantined):
    /// under AddressSanitizer (fuzz/asan.sh) a use of a swept object is then
    /// a reported use after free, where a reused block slot would hide it.
    free_at_once: bool,
    /// Objects are allocated one by one into `boxed` rather than into block
    /// slots: under `free_at_once`, and in stress mode, whose quarantined
    /// objects would otherwise stay in the blocks every later sweep walks.
    one_by_one: bool,
    boxed: Vec<*mut Obj>,
    /// Unreachable objects kept (poisoned) in stress mode; freed with the heap.
    quarantine: Vec<*mut Obj>,
}

const MIN_THRESHOLD: usize = 20_000;

impl Heap {
    pub fn new() -> Heap {
        let mut heap = Heap::unstressed();
        heap.free_at_once = std::env::var("COIL_GC_FREE").is_ok_and(|v| v == "1");
        heap.set_stress(std::env::var("COIL_GC_STRESS").is_ok_and(|v| v == "1"));
        heap
    }

    fn unstressed() -> Heap {
        Heap {
            blocks: Blocks::new(),
            clock: Box::new(GcClock {
                allocated: 0,
                threshold: MIN_THRESHOLD as u64,
            }),
            stress: false,
            collections: 0,
            stats: GcStats::default(),
            worklist: Vec::new(),
            free_at_once: false,
            one_by_one: false,
            boxed: Vec::new(),
            quarantine: Vec::new(),
        }
    }

    #[inline]
    pub fn alloc(&mut self, class: Value, data: ObjData) -> Value {
        // Objects with large out-of-line payloads count for more, so a program that
        // churns through big ints or long strings collects in proportion to memory.
        let weight = 1 + match &data {
            ObjData::BigInt(b) => (b.bits() / 512) as usize,
            ObjData::Str(s) => s.s.len() / 64,
            ObjData::Bytes(b) => b.len() / 64,
            ObjData::Tuple(t) => t.len() / 8,
            _ => 0,
        };
        let p = if self.one_by_one {
            let p = Box::into_raw(Box::<Obj>::new_uninit()).cast::<Obj>();
            self.boxed.push(p);
            p
        } else {
            self.blocks.take_slot()
        };
        // Written in place: building the `Obj` first and moving it in copies
        // the payload twice on the commonest path of the runtime.
        // SAFETY: `p` is memory for an `Obj` that holds none.
        unsafe {
            addr_of_mut!((*p).marked).write(Cell::new(false));
            addr_of_mut!((*p).class).write(Cell::new(class));
            addr_of_mut!((*p).data).write(data);
            if let ObjData::Tuple(t) = &mut (*p).data {
                t.settle();
            }
        }
        self.clock.allocated += weight as u64;
        Value::from_obj(p)
    }

    /// Whether a safepoint should collect now.
    #[inline(always)]
    pub fn wants_collection(&self) -> bool {
        self.clock.allocated >= self.clock.threshold
    }

    /// The address of the allocation clock (a `GcClock`), stable for the heap's
    /// life: a trace polls `allocated >= threshold` there, since the collector
    /// only runs at interpreter safepoints and a trace that allocates through
    /// helpers would otherwise keep it from ever running.
    pub fn clock_addr(&self) -> usize {
        &*self.clock as *const GcClock as usize
    }

    /// Stress mode: every safepoint after an allocation collects.
    pub fn set_stress(&mut self, on: bool) {
        self.stress = on;
        // (objects already in blocks stay there and are freed, not quarantined)
        self.one_by_one = self.free_at_once || on;
        self.clock.threshold = self.next_threshold();
    }

    fn next_threshold(&self) -> u64 {
        if self.stress {
            1
        } else {
            MIN_THRESHOLD.max(self.live_objects()) as u64
        }
    }

    /// The `gc:` line of `--gc-stats`.
    pub fn stats_line(&self) -> String {
        let allocated = self.stats.allocated + self.allocated_since_last() as u64;
        self.stats.line(allocated, self.blocks.peak_bytes())
    }

    /// The objects allocated since the last collection (every one is still
    /// alive: only a collection frees), counted without a counter on the
    /// allocation path.
    pub fn allocated_since_last(&self) -> usize {
        self.live_objects()
            .saturating_sub(self.stats.live_after_last)
    }

    pub fn live_objects(&self) -> usize {
        self.blocks.live() + self.boxed.len()
    }

    /// Marks `v` and everything reachable from it.
    pub fn mark(&mut self, v: Value) {
        mark_one(&mut self.worklist, v);
        while let Some(p) = self.worklist.pop() {
            // SAFETY: `mark_one` queued `p` from a value reachable from a
            // root; the last sweep freed only unreachable objects, and no
            // sweep runs before this mark finishes, so `p` is a live object.
            let obj = unsafe { &*p };
            let wl = &mut self.worklist;
            obj.trace(&mut |child| mark_one(wl, child));
        }
    }

    /// Frees every unmarked object and clears the marks. Call after marking all roots.
    pub fn sweep(&mut self) {
        self.sweep_with_poison(Value::EMPTY);
    }

    /// Like `sweep`; in stress mode, unreachable objects are not freed but re-classed
    /// as `poison` and quarantined, so a use after "free" (a missing root) shows up as
    /// a wrong type instead of silently reading reused memory.
    pub fn sweep_with_poison(&mut self, poison: Value) {
        let before = self.live_objects();
        self.stats.allocated += self.allocated_since_last() as u64;
        // Free slots kept for reuse: about as many as the next cycle allocates
        // (`next_threshold`), so a heap that churns reuses its slots instead
        // of handing blocks back and asking for them again.
        let reserve = MIN_THRESHOLD.max(self.live_objects() / 2);
        self.blocks.sweep(reserve);
        if !self.boxed.is_empty() {
            let quarantine = self.stress && !poison.is_empty() && !self.free_at_once;
            let gone = &mut self.quarantine;
            self.boxed.retain(|&p| {
                // SAFETY: `boxed` lists each one-by-one object until it is
                // freed below (and dropped from the list by `retain`), so `p`
                // is allocated; the sweep runs no Python code to mutate it.
                let o = unsafe { &*p };
                let live = o.marked.get();
                if live {
                    o.marked.set(false);
                } else if quarantine {
                    o.class.set(poison);
                    gone.push(p);
                } else {
                    // SAFETY: `p` came from `Box::into_raw` in `alloc` and
                    // holds a whole object; it is unmarked, so nothing
                    // reachable refers to it, `o` is not used past here, and
                    // `retain` drops it from `boxed`: freed once.
                    drop(unsafe { Box::from_raw(p) });
                }
                live
            });
        }
        self.clock.allocated = 0;
        self.clock.threshold = self.next_threshold();
        self.collections += 1;
        self.stats.last_freed = before.saturating_sub(self.live_objects());
        self.stats.live_after_last = self.live_objects();
        self.stats.peak_live = self.stats.peak_live.max(self.live_objects());
    }
}

/// Marks `v` if it is an unmarked object, queueing it for tracing; a leaf (its
/// class its only reference) has its class marked at once instead: a list of a
/// million strs makes no million trips through the worklist.
#[inline(always)]
fn mark_one(worklist: &mut Vec<*const Obj>, v: Value) {
    if !v.is_obj() {
        return;
    }
    // SAFETY: marking starts at roots and follows the references of marked
    // (hence live) objects; everything it reaches is live, since a sweep frees
    // only what the previous mark did not reach. This rests on the roots being
    // complete (a missing root is the bug `COIL_GC_STRESS` hunts).
    let o = unsafe { &*v.obj_ptr() };
    if o.marked.get() {
        return;
    }
    o.marked.set(true);
    if o.is_leaf() {
        // (a class is never a leaf: this goes one level down at most)
        mark_one(worklist, o.class.get());
    } else {
        worklist.push(v.obj_ptr());
    }
}

impl Heap {
    /// Ends the heap at process exit without handing its memory back piece by
    /// piece (the process returns it whole): only native payloads are dropped,
    /// since theirs can have effects outside the process (an open file flushes).
    /// A program that leaves a million objects behind would otherwise spend its
    /// last moments in `free`.
    pub fn release_at_exit(mut self) {
        for &p in &self.boxed {
            // SAFETY: `boxed` holds only allocated objects (each from
            // `Box::into_raw` in `alloc`); the process is ending and `self` is
            // consumed, so nothing reads a freed one, and `boxed` is cleared
            // right after: each is freed at most once.
            unsafe {
                if matches!(&(*p).data, ObjData::Native(_)) {
                    drop(Box::from_raw(p));
                }
            }
        }
        self.boxed.clear();
        self.quarantine.clear();
        std::mem::take(&mut self.blocks).release_at_exit();
        std::mem::forget(self);
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &p in self.boxed.iter().chain(self.quarantine.iter()) {
            // SAFETY: each came from `Box::into_raw` in `alloc` and sits in
            // exactly one of the two lists (a swept object moves from `boxed`
            // to `quarantine`); the heap goes away with all its objects, and
            // object drops do not follow `Value`s into other objects.
            drop(unsafe { Box::from_raw(p) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Mut;

    fn list(heap: &mut Heap, items: Vec<Value>) -> Value {
        heap.alloc(Value::NONE, ObjData::List(Mut::new(items)))
    }

    #[test]
    fn release_at_exit_drops_native_payloads() {
        use std::rc::Rc;
        struct Probe(Rc<std::cell::Cell<bool>>);
        impl crate::object::NativeData for Probe {
            fn trace(&self, _: &mut dyn FnMut(Value)) {}
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
        impl Drop for Probe {
            fn drop(&mut self) {
                self.0.set(true);
            }
        }
        let dropped = Rc::new(std::cell::Cell::new(false));
        let mut heap = Heap::new();
        heap.alloc(
            Value::NONE,
            ObjData::Native(Box::new(Probe(dropped.clone()))),
        );
        list(&mut heap, vec![Value::small_int(1)]);
        heap.release_at_exit();
        assert!(
            dropped.get(),
            "a native payload's drop must run (files flush)"
        );
    }

    #[test]
    fn swept_allocations_are_reused_with_fresh_contents() {
        let mut heap = Heap::new();
        let dead = list(&mut heap, vec![Value::small_int(1)]);
        let dead_addr = dead.obj_ptr();
        heap.sweep();
        assert_eq!(heap.live_objects(), 0);
        let fresh = list(&mut heap, vec![Value::small_int(2), Value::small_int(3)]);
        assert_eq!(fresh.obj_ptr(), dead_addr, "the swept slot is taken first");
        let ObjData::List(l) = &fresh.obj().data else {
            panic!()
        };
        assert_eq!(
            l.get().as_slice(),
            &[Value::small_int(2), Value::small_int(3)]
        );
        assert!(!fresh.obj().marked.get());
    }

    fn set_items(v: Value, items: Vec<Value>) {
        if let ObjData::List(l) = &v.obj().data {
            *l.get() = items;
        }
    }

    #[test]
    fn unreachable_cycles_are_freed_and_reachable_objects_kept() {
        let mut heap = Heap::new();
        let a = list(&mut heap, vec![]);
        let b = list(&mut heap, vec![a]);
        set_items(a, vec![b]); // a <-> b: a cycle with no root
        let kept_child = list(&mut heap, vec![Value::small_int(7)]);
        let root = list(&mut heap, vec![kept_child, Value::float(1.5)]);
        assert_eq!(heap.live_objects(), 4);
        heap.mark(root);
        heap.sweep();
        assert_eq!(heap.live_objects(), 2);
        // The survivors are intact and unmarked for the next cycle.
        let ObjData::List(l) = &root.obj().data else {
            panic!()
        };
        assert_eq!(l.get()[0], kept_child);
        assert!(!root.obj().marked.get());
        heap.sweep();
        assert_eq!(heap.live_objects(), 0);
    }

    #[test]
    fn stress_mode_requests_collection_after_any_allocation() {
        let mut heap = Heap::new();
        heap.set_stress(true);
        assert!(!heap.wants_collection());
        list(&mut heap, vec![]);
        assert!(heap.wants_collection());
        heap.sweep();
        assert!(!heap.wants_collection());
    }
}
