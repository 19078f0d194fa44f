//! `Jit::vals`' memory: zero pages mapped straight from the kernel.
//!
//! Why: the buffer is large (`VALS_CAPACITY` words of address space) and
//! traces touch only its first pages. Through the global allocator a
//! `vec![0; n]` is only lazily zero when the allocator maps it afresh; once the
//! allocator has memory to reuse (the heap hands its empty blocks back), it
//! zeroes the whole buffer by hand: binary_trees spent 110 ms there and its
//! peak memory went from 50 to 300 MB. An anonymous mapping is zero by
//! construction and costs only the pages used.

use std::ops::{Deref, DerefMut};

/// A fixed-size buffer of zeroed `u64`s that never moves.
pub struct ZeroedWords {
    ptr: *mut u64,
    len: usize,
}

impl ZeroedWords {
    pub const fn empty() -> ZeroedWords {
        ZeroedWords {
            ptr: std::ptr::NonNull::dangling().as_ptr(),
            len: 0,
        }
    }

    /// `len` zero words, or None when the mapping fails.
    pub fn new(len: usize) -> Option<ZeroedWords> {
        let bytes = len.checked_mul(8)?;
        // SAFETY: a fresh private anonymous mapping, owned by the result.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        (p != libc::MAP_FAILED).then_some(ZeroedWords { ptr: p.cast(), len })
    }
}

impl Deref for ZeroedWords {
    type Target = [u64];
    fn deref(&self) -> &[u64] {
        // SAFETY: `ptr` covers `len` words (or is dangling with `len` 0).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl DerefMut for ZeroedWords {
    fn deref_mut(&mut self) -> &mut [u64] {
        // SAFETY: as `deref`, and `&mut self` is unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for ZeroedWords {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: the mapping `new` made, unmapped once.
            unsafe { libc::munmap(self.ptr.cast(), self.len * 8) };
        }
    }
}

impl Default for ZeroedWords {
    fn default() -> Self {
        ZeroedWords::empty()
    }
}
