//! The code arena: one reserved region handed out in chunks, with W^X page flips.
//!
//! Pages start read+execute. Writing (install or patch) flips exactly the touched
//! pages to read+write, copies, and flips them back to read+execute, so no page is
//! ever writable and executable at once. Code assembled for a known address is
//! placed there with `reserve` + `write`; the arena never moves code. Every write
//! (install or patch) also synchronizes the instruction cache over the written
//! bytes, which AArch64 needs before the new code runs.
//!
//! Not thread-safe against concurrent execution: while a page is RW, code on it
//! cannot run. Coil runs traces on the interpreter thread that compiles them.

use std::fmt;

use region::Protection;

/// The address of installed code.
#[derive(Copy, Clone, PartialEq, Eq, Debug, Hash)]
pub struct CodePtr(pub usize);

impl CodePtr {
    pub fn addr(self) -> usize {
        self.0
    }
    pub fn as_ptr(self) -> *const u8 {
        self.0 as *const u8
    }
}

#[derive(Debug)]
pub enum ArenaError {
    /// The arena has no room left for `len` bytes.
    Full { len: usize },
    /// A write or patch outside the reserved part of the arena.
    OutOfBounds { addr: usize, len: usize },
    /// mmap/mprotect failed.
    Os(region::Error),
}

impl fmt::Display for ArenaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArenaError::Full { len } => write!(f, "code arena full ({len} bytes requested)"),
            ArenaError::OutOfBounds { addr, len } => {
                write!(
                    f,
                    "code arena write out of bounds ({len} bytes at {addr:#x})"
                )
            }
            ArenaError::Os(e) => write!(f, "code arena: {e}"),
        }
    }
}

impl std::error::Error for ArenaError {}

impl From<region::Error> for ArenaError {
    fn from(e: region::Error) -> Self {
        ArenaError::Os(e)
    }
}

/// Chunks are aligned so each trace starts on a cache-line-friendly boundary.
const ALIGN: usize = 16;

pub struct CodeArena {
    mem: region::Allocation,
    /// Bytes handed out so far (offset of the next chunk, before alignment).
    used: usize,
}

impl CodeArena {
    /// Reserves `bytes` (rounded up to whole pages), initially read+execute.
    pub fn new(bytes: usize) -> Result<CodeArena, ArenaError> {
        let mem = region::alloc(bytes.max(1), Protection::READ_EXECUTE)?;
        Ok(CodeArena { mem, used: 0 })
    }

    pub fn base(&self) -> usize {
        self.mem.as_ptr::<u8>() as usize
    }

    pub fn capacity(&self) -> usize {
        self.mem.len()
    }

    pub fn used(&self) -> usize {
        self.used
    }

    /// The address the next `reserve` will return: assemble for this address,
    /// then reserve the assembled length.
    pub fn next_addr(&self) -> usize {
        self.base() + self.used.next_multiple_of(ALIGN)
    }

    /// Hands out `len` bytes at `next_addr()`.
    pub fn reserve(&mut self, len: usize) -> Result<usize, ArenaError> {
        let start = self.used.next_multiple_of(ALIGN);
        let end = start.checked_add(len).ok_or(ArenaError::Full { len })?;
        if end > self.capacity() {
            return Err(ArenaError::Full { len });
        }
        self.used = end;
        Ok(self.base() + start)
    }

    /// Copies `bytes` to `addr` (inside the reserved part) under a RW window.
    pub fn write(&mut self, addr: usize, bytes: &[u8]) -> Result<(), ArenaError> {
        let base = self.base();
        let in_bounds = addr >= base
            && addr
                .checked_add(bytes.len())
                .is_some_and(|end| end <= base + self.used);
        if !in_bounds {
            return Err(ArenaError::OutOfBounds {
                addr,
                len: bytes.len(),
            });
        }
        if bytes.is_empty() {
            return Ok(());
        }
        let page = region::page::size();
        let first = addr & !(page - 1);
        let last = (addr + bytes.len()).next_multiple_of(page);
        let (p, n) = (first as *const u8, last - first);
        // SAFETY: [first, last) lies inside our allocation (addr is in bounds and the
        // allocation is page-granular); no code on these pages runs during the window.
        unsafe {
            region::protect(p, n, Protection::READ_WRITE)?;
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), addr as *mut u8, bytes.len());
            region::protect(p, n, Protection::READ_EXECUTE)?;
            // AArch64 has separate instruction and data caches: clean the written
            // lines to the point of unification, invalidate them in the icache
            // (`dc cvau` / `ic ivau` / `dsb ish` / `isb`). A no-op on x86-64.
            let written = std::slice::from_raw_parts(addr as *const u8, bytes.len());
            dynasmrt::cache_control::synchronize_icache(written);
            dynasmrt::cache_control::prepare_for_execution(written);
        }
        Ok(())
    }

    /// Reserves room for `code` and copies it there. Only for position-independent
    /// code; code assembled for an address goes through `next_addr`/`reserve`/`write`.
    pub fn install(&mut self, code: &[u8]) -> Result<CodePtr, ArenaError> {
        let addr = self.reserve(code.len())?;
        self.write(addr, code)?;
        Ok(CodePtr(addr))
    }

    /// Overwrites already installed code (e.g. retargeting a guard's jump to a
    /// side trace).
    pub fn patch(&mut self, addr: usize, bytes: &[u8]) -> Result<(), ArenaError> {
        self.write(addr, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `return imm` and where its immediate lives, for the host.
    fn ret_imm(imm: u8) -> (Vec<u8>, usize) {
        if cfg!(target_arch = "aarch64") {
            // movz w0, #imm; ret
            let movz = 0x5280_0000u32 | (imm as u32) << 5;
            let mut v = movz.to_le_bytes().to_vec();
            v.extend_from_slice(&0xd65f_03c0u32.to_le_bytes());
            (v, 0)
        } else {
            // mov eax, imm; ret
            (vec![0xB8, imm, 0, 0, 0, 0xC3], 1)
        }
    }

    #[test]
    fn install_and_run() {
        let mut a = CodeArena::new(4096).unwrap();
        let (code, _) = ret_imm(42);
        let p = a.install(&code).unwrap();
        // SAFETY: `p` is the installed `mov eax, imm; ret` (or `movz; ret`)
        // for the host, a complete C-ABI function of no arguments; `a` keeps
        // it mapped executable for the test's calls.
        let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(p.as_ptr()) };
        assert_eq!(f(), 42);
        // patch the immediate and run again (the patch flushes the icache)
        let (code7, at) = ret_imm(7);
        a.patch(p.addr() + at, &code7[at..at + 4]).unwrap();
        assert_eq!(f(), 7);
        // a second chunk is aligned and does not disturb the first
        let q = a.install(&ret_imm(1).0).unwrap();
        assert_eq!(q.addr() % ALIGN, 0);
        assert!(q.addr() > p.addr());
        assert_eq!(f(), 7);
    }

    #[test]
    fn full_and_out_of_bounds_are_errors() {
        let mut a = CodeArena::new(4096).unwrap();
        let cap = a.capacity();
        assert!(matches!(a.reserve(cap + 1), Err(ArenaError::Full { .. })));
        let base = a.base();
        assert!(matches!(
            a.write(base, &[0xC3]),
            Err(ArenaError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn no_mapping_is_writable_and_executable() {
        let mut a = CodeArena::new(1 << 16).unwrap();
        for _ in 0..3 {
            a.install(&[0xC3; 100]).unwrap();
        }
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        for line in maps.lines() {
            let perms = line.split_whitespace().nth(1).unwrap();
            assert!(
                !(perms.contains('w') && perms.contains('x')),
                "W+X mapping: {line}"
            );
        }
        // and the arena itself is mapped r-x
        let base = a.base();
        let arena_line = maps.lines().find(|l| {
            let (range, _) = l.split_once(' ').unwrap();
            let (lo, hi) = range.split_once('-').unwrap();
            let (lo, hi) = (
                usize::from_str_radix(lo, 16).unwrap(),
                usize::from_str_radix(hi, 16).unwrap(),
            );
            lo <= base && base < hi
        });
        assert!(arena_line.unwrap().contains("r-x"), "{arena_line:?}");
    }
}
